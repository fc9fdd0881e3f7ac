/** How the app writes what the API returns as codes and instants (UI.md "Everywhere"). */

export const STATUS_NAMES: Record<string, string> = {
  IN_REVIEW: 'Đang xét duyệt',
  RETURNED: 'Trả lại để bổ sung',
  APPROVED: 'Đã phê duyệt',
  REJECTED: 'Không phê duyệt',
  WITHDRAWN: 'Đã rút',
  EXPIRED: 'Hết hạn bổ sung',
  FORWARDED: 'Đã trình cấp trên',
};

export const LEVEL_NAMES: Record<string, string> = { UNIT: 'Đơn vị', DEPARTMENT: 'Phòng', SO: 'Sở', CITY: 'Thành phố' };

export const DECISION_NAMES: Record<string, string> = { APPROVE: 'Đồng ý', RETURN: 'Trả lại', REJECT: 'Không đồng ý' };

/** The four grounds of a refusal, as the law words them. */
export const GROUND_NAMES: Record<string, string> = {
  WRONG_SUBJECT: 'Sai đối tượng',
  CRITERIA_NOT_MET: 'Không đủ tiêu chuẩn',
  INCOMPLETE_DOSSIER: 'Hồ sơ không đầy đủ',
  LEGAL_VIOLATION: 'Vi phạm pháp luật',
};

export const CRITERION_STATUS_NAMES: Record<string, string> = { MET: 'Đạt', NOT_MET: 'Chưa đạt', DECLARED: 'Đơn vị kê khai' };

export const CAMPAIGN_STATUS_NAMES: Record<string, string> = { SCHEDULED: 'Sắp mở', OPEN: 'Đang mở', CLOSED: 'Đã đóng', FINISHED: 'Đã kết thúc' };

export const ROLE_NAMES: Record<string, string> = {
  CLERK: 'Văn thư đơn vị',
  REVIEWER: 'Người xét duyệt',
  COUNCIL_MEMBER: 'Thành viên hội đồng',
  STAFF: 'Cán bộ',
  ADMIN: 'Quản trị',
};

export const STUCK_KIND_NAMES: Record<string, string> = {
  OVERDUE: 'Quá hạn xử lý',
  WORKFLOW_TASK_FAILING: 'Quy trình gặp lỗi',
  ACTIVITY_RETRYING: 'Tác vụ đang thử lại',
  STATE_MISMATCH: 'Trạng thái không khớp',
  DELIVERY_FAILING: 'Không gửi được thông báo',
  ON_HOLD: 'Đang bị tạm dừng',
  NO_REVIEWER: 'Không còn người xét duyệt',
};

/** The audit trail's actions: a nomination's workflow transitions and every other change a person makes. */
export const AUDIT_ACTION_NAMES: Record<string, string> = {
  SUBMITTED: 'Nộp hồ sơ',
  DECIDED: 'Quyết định xét duyệt',
  RESUBMITTED: 'Bổ sung, gửi lại',
  WITHDRAWN: 'Rút hồ sơ',
  VOTE_CAST: 'Bỏ phiếu',
  DOCUMENT_UPLOADED: 'Tải lên tài liệu',
  DOCUMENT_ATTACHED: 'Đính kèm tài liệu',
  OBJECTION_FILED: 'Gửi ý kiến phản ánh',
  OPINION_GIVEN: 'Cho ý kiến hiệp y',
  EXTERNAL_DECIDED: 'Ghi nhận quyết định cấp trên',
  DEADLINE_CHANGED: 'Đổi hạn xử lý',
  NUDGED: 'Nhắc xử lý',
  REASSIGNED: 'Giao cho người khác',
  REPAIRED: 'Sửa trạng thái',
  REDRIVEN: 'Chạy lại quy trình',
  HOLD_PLACED: 'Tạm hoãn xét khen thưởng',
  HOLD_LIFTED: 'Bỏ tạm hoãn',
  DELEGATION_GIVEN: 'Ủy quyền',
  DELEGATION_REVOKED: 'Thu hồi ủy quyền',
  AWARD_HISTORY_IMPORTED: 'Nhập lịch sử khen thưởng',
  CALENDAR_SAVED: 'Lưu lịch làm việc',
  BASE_SALARY_ADDED: 'Thêm mức lương cơ sở',
  CAMPAIGN_CREATED: 'Tạo đợt thi đua',
  ORGANISATION_IMPORTED: 'Nhập tổ chức và người dùng',
  ORGANISATION_USERS_IMPORTED: 'Nhập người dùng từ tệp CSV',
  AWARD_DECISION_ISSUED: 'Ban hành quyết định khen thưởng',
  AWARD_DECISION_REVOKED: 'Thu hồi quyết định khen thưởng',
  SCHEDULE_PAUSED: 'Tạm dừng lịch tự động',
  SCHEDULE_RESUMED: 'Tiếp tục lịch tự động',
  SCHEDULE_TRIGGERED: 'Chạy lịch tự động ngay',
  REMINDED: 'Nhắc hạn',
  OVERDUE: 'Quá hạn',
  ESCALATED: 'Báo cáo cấp trên',
  EXPIRED: 'Hết hạn bổ sung',
  SUSPENDED: 'Tạm dừng do tạm hoãn',
  RESUMED: 'Tiếp tục sau tạm hoãn',
  POSTING_ENDED: 'Kết thúc công khai',
  CONSULTATION_ENDED: 'Kết thúc hiệp y',
  OPINIONS_OVERDUE: 'Quá hạn hiệp y',
};

/** A code the app has no name for is shown as it came, rather than hidden. */
export const nameOf = (names: Record<string, string>, code: string | null | undefined): string => (code ? (names[code] ?? code) : '—');

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const parts = (iso: string, withTime: boolean) => {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime && { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const }),
  });
  return Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
};

/** dd/MM/yyyy in Hanoi, whatever the browser's own zone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '—';
  const p = parts(iso, false);
  return `${p.day}/${p.month}/${p.year}`;
}

/** dd/MM/yyyy HH:mm in Hanoi, where the time of day matters (decisions, notifications). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '—';
  const p = parts(iso, true);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** The Hanoi calendar day of an instant as YYYY-MM-DD, the value of a date input. */
export function hanoiDay(iso: string): string {
  const p = parts(iso, false);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The end of a Hanoi calendar day (23:59 local) as an instant, for a new deadline picked as a date. */
export function endOfHanoiDay(day: string): string {
  return new Date(`${day}T23:59:00+07:00`).toISOString();
}

export interface NomineeLike {
  kind: string;
  fullName?: string;
  name?: string;
}

export const nomineeName = (n: NomineeLike | null | undefined): string => n?.fullName ?? n?.name ?? '—';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** A calendar day the API sends as YYYY-MM-DD, written dd/MM/yyyy (no instant, so no time zone). */
export const formatDay = (day: string): string => day.split('-').reverse().join('/');

/** A day typed as d/M/yyyy or dd/MM/yyyy, as YYYY-MM-DD; null when it is no real date (31/02 included). */
export function parseDay(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const AWARD_BASIS_NAMES: Record<string, string> = { REGULAR: 'Thường xuyên', THEMED: 'Theo chuyên đề', EXTRAORDINARY: 'Đột xuất' };
