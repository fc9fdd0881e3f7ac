import { z } from 'zod';

export const NOMINATION_STATUSES = ['IN_REVIEW', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'FORWARDED'] as const;
export const nominationStatusSchema = z.enum(NOMINATION_STATUSES);
export type NominationStatus = z.infer<typeof nominationStatusSchema>;

/** FORWARDED is final here: the central level decides, and an admin records that decision afterwards. */
export const FINAL_STATUSES: readonly NominationStatus[] = ['APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'FORWARDED'];

export function isFinal(status: NominationStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export const DECISIONS = ['APPROVE', 'REJECT', 'RETURN'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

export const REJECT_GROUNDS = ['WRONG_SUBJECT', 'CRITERIA_NOT_MET', 'INCOMPLETE_DOSSIER', 'LEGAL_VIOLATION'] as const;
export type RejectGround = (typeof REJECT_GROUNDS)[number];

export const GROUND_NAMES_VI: Record<RejectGround, string> = {
  WRONG_SUBJECT: 'sai đối tượng',
  CRITERIA_NOT_MET: 'không đủ tiêu chuẩn',
  INCOMPLETE_DOSSIER: 'hồ sơ không đầy đủ',
  LEGAL_VIOLATION: 'vi phạm pháp luật',
};
