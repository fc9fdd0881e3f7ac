import type { OrgTree } from './access-policy';
import { findAwardOf } from './nomination-catalogue';
import { LEVEL_NAMES_VI } from './levels';
import type { NotificationKind, Transition } from './nomination-machine';
import { GROUND_NAMES_VI } from './nomination-status';
import type { Nominee } from './schemas';

export interface NotificationContext {
  transition: Transition;
  nominee: Nominee;
  awardName: string;
  unitName: string;
}

/** The nomination as its notifications name it. */
export interface NotifiedNomination {
  unitCode: string;
  awardCode: string;
  catalogueVersion: string | null;
  nominee: Nominee;
  createdAt: Date;
}

/** What a transition's notifications say about their nomination: the award's and the unit's names, not their codes. */
export function notificationContext(transition: Transition, nomination: NotifiedNomination, tree: OrgTree): NotificationContext {
  return {
    transition,
    nominee: nomination.nominee,
    awardName: findAwardOf(nomination)?.nameVi ?? nomination.awardCode,
    unitName: tree.get(nomination.unitCode)?.name ?? nomination.unitCode,
  };
}

const dateVi = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }) : '';

export function nomineeName(nominee: Nominee): string {
  return nominee.kind === 'INDIVIDUAL' ? nominee.fullName : nominee.name;
}

/** Title and body, in Vietnamese, of the notification (and email) a transition causes. */
export function notificationText(kind: NotificationKind, ctx: NotificationContext): { title: string; body: string } {
  const { transition: t } = ctx;
  const subject = `${ctx.awardName} cho ${nomineeName(ctx.nominee)} (${ctx.unitName})`;
  const level = t.state.currentLevel ? LEVEL_NAMES_VI[t.state.currentLevel] : '';
  const comment = t.comment ? `\nÝ kiến: ${t.comment}` : '';
  switch (kind) {
    case 'REVIEW_REQUESTED':
      return {
        title: `Hồ sơ chờ xét duyệt: ${subject}`,
        body: `Hồ sơ đề nghị ${subject} đang chờ cấp ${level} xem xét. Hạn xử lý: ${dateVi(t.state.dueAt)}.${comment}`,
      };
    case 'DECIDED': {
      const outcome =
        t.state.status === 'APPROVED'
          ? 'đã được phê duyệt'
          : t.state.status === 'FORWARDED'
            ? 'đã được thành phố trình cấp trên xem xét, quyết định'
            : 'không được chấp thuận';
      const ground = t.decision?.ground ? `\nLý do: ${GROUND_NAMES_VI[t.decision.ground]}.` : '';
      return { title: `Kết quả xét duyệt: ${subject}`, body: `Hồ sơ đề nghị ${subject} ${outcome}.${ground}${comment}` };
    }
    case 'RETURNED':
      return {
        title: `Hồ sơ bị trả lại để bổ sung: ${subject}`,
        body: `Cấp ${level} trả lại hồ sơ đề nghị ${subject} để bổ sung. Hạn nộp lại: ${dateVi(t.state.returnDeadline)}.${comment}`,
      };
    case 'REMINDER':
      return {
        title: `Nhắc hạn xử lý: ${subject}`,
        body: `Hồ sơ đề nghị ${subject} sắp đến hạn xử lý ở cấp ${level} (${dateVi(t.state.dueAt)}).`,
      };
    case 'ESCALATED':
      return {
        title: `Hồ sơ quá hạn kéo dài: ${subject}`,
        body: `Hồ sơ đề nghị ${subject} vẫn chưa được cấp ${level} xử lý dù đã quá hạn (hạn ${dateVi(t.state.dueAt)}). Đề nghị lãnh đạo cấp trên đôn đốc.`,
      };
    case 'OVERDUE':
      return {
        title: `Hồ sơ quá hạn: ${subject}`,
        body: `Hồ sơ đề nghị ${subject} đã quá hạn xử lý ở cấp ${level} (hạn ${dateVi(t.state.dueAt)}). Đề nghị xử lý ngay.`,
      };
    case 'WITHDRAWN':
      return { title: `Hồ sơ đã được rút: ${subject}`, body: `Đơn vị đã rút hồ sơ đề nghị ${subject}.${comment}` };
    case 'SUSPENDED':
      return {
        title: `Hồ sơ tạm dừng xét: ${subject}`,
        body: `Hồ sơ đề nghị ${subject} tạm dừng xét ở cấp ${level} cho đến khi hết thời gian không xét khen thưởng.`,
      };
    case 'EXPIRED':
      return {
        title: `Hồ sơ hết hạn bổ sung: ${subject}`,
        body: `Hồ sơ đề nghị ${subject} không được nộp lại trong thời hạn bổ sung nên đã kết thúc.`,
      };
  }
}

/** The email that carries a notification: a salutation, its body, and who sent it. */
export function emailText(displayName: string, body: string): string {
  return `Kính gửi ${displayName},\n\n${body}\n\nHệ thống Thi đua - Khen thưởng, Sở Công Thương Hà Nội`;
}
