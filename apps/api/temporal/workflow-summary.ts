import type { NominationRecord } from '../../../libs/db/nomination.repository';
import { awardOf } from '../../../libs/domain/nomination-catalogue';
import { nomineeName } from '../../../libs/domain/notification-text';
import type { Nominee } from '../../../libs/domain/schemas';

/** What the Temporal UI shows for a nomination, in Vietnamese; encrypted like every payload, an admin reads it through the codec server. */
export function workflowSummary(record: NominationRecord): { staticSummary: string; staticDetails: string } {
  const award = awardOf(record).nameVi;
  const nominee = nomineeName(record.nominee as Nominee);
  return {
    staticSummary: `${award} — ${nominee} (${record.unitCode}, năm ${record.year})`,
    staticDetails: [
      `**Hồ sơ đề nghị khen thưởng** ${record.id}`,
      `- Hình thức: ${award} (${record.awardCode})`,
      `- Người/tập thể được đề nghị: ${nominee}`,
      `- Đơn vị: ${record.unitCode}; người nộp: ${record.submittedBy}`,
      `- Các cấp xét duyệt: ${record.route.join(' → ')}`,
    ].join('\n'),
  };
}
