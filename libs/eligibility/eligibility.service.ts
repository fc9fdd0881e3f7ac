import { Injectable } from '@nestjs/common';
import type { HistoryBasis } from '../catalogue/catalogue.schema';
import { AwardHistoryRepository } from '../db/award-history.repository';
import { HoldRepository } from '../db/hold.repository';
import { catalogueAt } from '../domain/award-catalogue';
import { hanoiDay } from '../domain/hanoi-time';
import type { Nominee } from '../domain/schemas';
import { evaluateEligibility, type Declarations, type Eligibility } from './eligibility';

/** History and holds are kept under a person's full name, or a collective's name, within its unit. */
const nomineeName = (nominee: Nominee) => (nominee.kind === 'INDIVIDUAL' ? nominee.fullName : nominee.name).normalize('NFC');

@Injectable()
export class EligibilityService {
  constructor(
    private readonly history: AwardHistoryRepository,
    private readonly holds: HoldRepository,
  ) {}

  /**
   * Judged today in Hà Nội, whatever year the nomination is for: by the holds in force and the
   * catalogue version in force, which is the one the submission records.
   */
  async evaluate(input: {
    awardCode: string;
    year: number;
    unitCode: string;
    nominee: Nominee;
    declarations?: Declarations;
    basis?: HistoryBasis;
  }): Promise<Eligibility> {
    const name = nomineeName(input.nominee);
    const today = hanoiDay(new Date());
    const [history, holds] = await Promise.all([this.history.forNominee(name, input.unitCode), this.holds.active(name, input.unitCode, today)]);
    return evaluateEligibility({ ...input, history, holds, catalogue: catalogueAt(today) });
  }
}
