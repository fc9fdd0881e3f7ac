import { z } from 'zod';
import { RULE_MESSAGES } from '../domain/validation-messages';

const count = z.number().int().min(0).max(100_000);

/**
 * What only a collective's unit can say about its members; reviewers confirm it.
 * Counts, not names: the product keeps no roster of a collective's members.
 */
export const memberDeclarationsSchema = z
  .strictObject({
    total: count.min(1),
    completedTasks: count,
    laoDongTienTien: count,
    chienSiThiDuaCoSo: count,
  })
  .refine((m) => m.completedTasks <= m.total && m.laoDongTienTien <= m.total && m.chienSiThiDuaCoSo <= m.total, {
    message: RULE_MESSAGES.countsWithinTotal,
  });
export type MemberDeclarations = z.infer<typeof memberDeclarationsSchema>;

/**
 * The fields a collective's declarations need beyond rating, initiatives and research,
 * to be spread into `declarationsSchema`. Leading the emulation cluster (cụm/khối thi đua) is voted
 * by the cluster, outside this product, so the unit declares it too.
 */
export const collectiveDeclarationFields = {
  members: memberDeclarationsSchema.optional(),
  leadsEmulationCluster: z.boolean().optional(),
};
