import type { OrgKind } from './access-policy';
import type { AwardDefinition } from './award-catalogue';
import type { Level } from './levels';

/**
 * The levels a nomination walks: its award's route, except where an enterprise's director decides the award
 * for the enterprise's own people (Luật 06/2022 art. 80(4)); then the enterprise's own level alone decides.
 */
export function routeFor(award: AwardDefinition, unitKind: OrgKind | undefined): Level[] {
  return award.enterpriseDecides && unitKind === 'ENTERPRISE' ? ['UNIT'] : [...award.route];
}
