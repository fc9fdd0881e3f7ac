import type { CouncilRule } from './award-catalogue';
import { LEVEL_NAMES_VI, type Level } from './levels';
import type { Tally } from './nomination-machine';

/** Counted against all members of the council, not the votes cast. */
export function votePasses(votesFor: number, membersTotal: number, rule: CouncilRule): boolean {
  const needed = rule.threshold * membersTotal;
  // A tiny tolerance keeps 0.9 × 10 = 9.000000000000002 from demanding a tenth vote.
  return rule.strict ? votesFor > needed + 1e-9 : votesFor >= needed - 1e-9;
}

/** The minutes (biên bản kiểm phiếu) of a closed ballot, in Vietnamese. */
export function voteMinutes(level: Level, tally: Tally, rule: CouncilRule, passed: boolean, closedBy: string, closedAt: Date): string {
  const percent = (n: number) => (tally.membersTotal ? Math.round((n / tally.membersTotal) * 1000) / 10 : 0);
  const threshold = `${rule.strict ? 'trên' : 'từ'} ${Math.round(rule.threshold * 100)}% tổng số thành viên`;
  const day = new Date(closedAt.getTime() + 7 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('/');
  return [
    `Biên bản kiểm phiếu của Hội đồng Thi đua - Khen thưởng cấp ${LEVEL_NAMES_VI[level]}, ngày ${day}.`,
    `Tổng số thành viên: ${tally.membersTotal}; số phiếu: ${tally.for + tally.against}.`,
    `Đồng ý: ${tally.for} (${percent(tally.for)}%); không đồng ý: ${tally.against} (${percent(tally.against)}%).`,
    `Ngưỡng: ${threshold}. Kết quả: ${passed ? 'đạt' : 'không đạt'}. Chủ tịch Hội đồng kết thúc biểu quyết: ${closedBy}.`,
  ].join('\n');
}
