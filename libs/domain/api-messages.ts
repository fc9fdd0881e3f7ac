import type { Role } from './access-policy';
import type { ErrorCode } from './errors';
import type { Level } from './levels';

/**
 * What the API says to its users when it refuses a request: the `message` of the error shape and of
 * its details, in Vietnamese, each written once. The web app shows them as they come, so they are
 * worded for a Sở's staff, not for developers. The validator's own issues are worded in
 * `validation-messages.ts`; logs stay in English. A sentence (an error's `message`) starts with a
 * capital; a detail is a phrase about its field and starts in lower case, as the form shows it
 * under the field. Codes (levels, statuses, awards) stay codes: they are what the screens and the
 * documents show. An organisation is named by its name, its code after it, as everywhere (UI.md).
 */

const ROLE_NAMES: Record<Role, string> = {
  CLERK: 'văn thư đơn vị',
  REVIEWER: 'người xét duyệt',
  COUNCIL_MEMBER: 'thành viên hội đồng',
  STAFF: 'cán bộ',
  ADMIN: 'quản trị viên',
};

const NOMINEE_KIND_NAMES: Record<'INDIVIDUAL' | 'COLLECTIVE', string> = { INDIVIDUAL: 'cá nhân', COLLECTIVE: 'tập thể' };

const RETRY_WITH_SAME_REQUEST = 'vui lòng thử lại với cùng requestId';

interface NamedOrg {
  code: string;
  name: string;
}
const orgLabel = (org: NamedOrg) => `${org.name} (${org.code})`;

/** Errors any route may answer: the error filter's, and those of the HTTP layer before a handler runs. */
const common = {
  /** By error code, for an error that comes with no message of ours (Nest's or Express's own). */
  byCode: {
    VALIDATION_FAILED: 'Yêu cầu không hợp lệ',
    UNAUTHENTICATED: 'Cần đăng nhập để thực hiện thao tác này',
    FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này',
    NOT_FOUND: 'Không có chức năng này: đường dẫn hoặc phương thức không đúng',
    INVALID_STATE: 'Thao tác không thực hiện được ở trạng thái hiện tại',
    PAYLOAD_TOO_LARGE: 'Nội dung gửi lên vượt quá dung lượng cho phép',
    UNSUPPORTED_MEDIA_TYPE: 'Kiểu nội dung hoặc bảng mã của yêu cầu không được hỗ trợ',
    RATE_LIMITED: 'Có quá nhiều yêu cầu; vui lòng thử lại sau ít phút',
  } satisfies Partial<Record<ErrorCode, string>>,
  malformedJson: 'Nội dung yêu cầu không phải là JSON hợp lệ',
  rateLimited: (perMinute: number, retryAfterSeconds: number) =>
    `Có quá nhiều yêu cầu: tối đa ${perMinute} yêu cầu mỗi phút; vui lòng thử lại sau ${retryAfterSeconds} giây`,
  temporalUnavailable: `Hệ thống xử lý quy trình (Temporal hoặc worker) đang tạm ngừng; ${RETRY_WITH_SAME_REQUEST}`,
  databaseUnavailable: `Cơ sở dữ liệu đang tạm ngừng; ${RETRY_WITH_SAME_REQUEST}`,
  internal: (correlationId: string) => `Lỗi hệ thống; vui lòng báo quản trị viên kèm mã tra cứu ${correlationId}`,
};

const auth = {
  tokenMissing: 'Chưa đăng nhập: yêu cầu cần có mã xác thực (bearer token)',
  tokenInvalid: 'Mã xác thực không hợp lệ hoặc đã hết hạn; vui lòng đăng nhập lại',
  tokenNamesNoUser: 'Mã xác thực không ứng với người dùng nào của hệ thống',
  accountUnknown: (username: string) => `Tài khoản ${username} không có trong hệ thống`,
  identityProviderUnavailable: 'Hệ thống xác thực tài khoản đang tạm ngừng; vui lòng thử lại sau ít phút',
  roleNotAllowed: (roles: readonly Role[], username: string, role: Role) =>
    `Chức năng này chỉ dành cho ${roles.map((r) => ROLE_NAMES[r]).join(' hoặc ')}; tài khoản ${username} là ${ROLE_NAMES[role]}`,
};

/** 404s, by what was not found; a nomination the caller may not see is not found either. */
const notFound = {
  nomination: 'Không tìm thấy hồ sơ',
  document: 'Không tìm thấy tài liệu',
  delegation: 'Không tìm thấy ủy quyền',
  campaign: 'Không tìm thấy đợt thi đua',
  hold: 'Không tìm thấy tạm hoãn xét khen thưởng',
  delivery: 'Không tìm thấy thư thông báo',
  schedule: 'Không tìm thấy lịch chạy tự động',
  notification: 'Không tìm thấy thông báo',
  namespace: 'Không tìm thấy namespace Temporal',
  awardDecision: 'Không tìm thấy quyết định khen thưởng',
};

/** Who reviews what: the delegations', the decisions' and the reassignments' refusals. */
const review = {
  notReviewerOfLevel: (username: string, level: Level) => `${username} không xét duyệt cấp ${level}`,
  notReviewerOfNominationLevel: (username: string, level: Level) => `${username} không xét duyệt cấp ${level} của hồ sơ này`,
  notReviewerOfCurrentLevel: (username: string) => `${username} không xét duyệt cấp hiện tại của hồ sơ này`,
  noSuchUser: (username: string) => `không có người dùng ${username}`,
  reassignRefused: 'Người được giao không xét được cấp này',
  roleReviewsNothing: (role: Role) => `${ROLE_NAMES[role]} không xét duyệt hồ sơ`,
  levelNotOnRoute: (level: Level) => `cấp ${level} không có trong quy trình xét của hồ sơ này`,
  notStaffOfReviewingOrg: (org: NamedOrg, level: Level) => `phải là cán bộ của ${orgLabel(org)}, nơi xét cấp ${level} của hồ sơ này`,
};

const delegation = {
  refused: 'Không thể ủy quyền như đề nghị',
  revokeByDelegatorOnly: 'Chỉ người ủy quyền hoặc quản trị viên được thu hồi ủy quyền',
  deputyIsDelegator: 'phải là người khác, không phải chính người ủy quyền',
  deputyRoleRefused: (role: Role) => `${ROLE_NAMES[role]} không được nhận ủy quyền`,
  deputyNotStaff: (org: NamedOrg) => `phải là cán bộ của ${orgLabel(org)}`,
  startsBeforeToday: (today: string) => `phải từ hôm nay (${today}) trở đi`,
  periodTooLong: (maxDays: number) => `thời gian ủy quyền tối đa ${maxDays} ngày`,
};

const upload = {
  multipartExpected: 'Cần gửi nội dung dạng multipart/form-data',
  unexpectedFilePart: (name: string) => `Không nhận phần tệp "${name}": tệp phải nằm trong phần có tên "file"`,
  oneFilePerUpload: 'Mỗi lần chỉ tải lên một tệp',
  tooManyParts: 'Nội dung gửi lên có quá nhiều phần',
  tooManyFields: 'Nội dung gửi lên có quá nhiều trường',
  interrupted: 'Việc tải tệp lên bị gián đoạn; vui lòng tải lại',
  noFile: 'Không có tệp trong phần có tên "file"',
  malformedMultipart: 'Nội dung multipart/form-data sai cấu trúc',
  tooManyWaiting: 'Đã có quá nhiều tài liệu tải lên chưa gắn với hồ sơ nào',
  waitingLimit: (max: number) => `tối đa ${max} tài liệu chờ gắn vào hồ sơ`,
  fileTooLarge: (maxBytes: number) => `Tệp vượt quá ${maxBytes} byte`,
  fileSizeLimit: (maxBytes: number) => `tối đa ${maxBytes} byte`,
  unknownType: 'Loại tài liệu không hợp lệ',
  typeOneOf: (codes: readonly string[]) => `phải là một trong: ${codes.join(', ')}`,
  emptyFile: 'Tệp không có nội dung',
  emptyFileDetail: 'tệp rỗng',
  unsupportedFile: 'Chỉ nhận tệp PDF, DOCX, XLSX, JPEG hoặc PNG, đúng với nội dung của tệp',
  unsupportedFileDetail: 'nội dung tệp không thuộc loại được nhận, hoặc không khớp với loại đã khai',
  fileMissingFromStore: 'Không tìm thấy tệp của tài liệu trong kho lưu trữ',
  notAttachable: 'Không gắn được tài liệu vào hồ sơ',
  notAttachableDetail: 'không có tài liệu này của bạn đang chờ gắn vào hồ sơ',
  nominationFull: (max: number) => `Hồ sơ đã có ${max} tài liệu, không thể thêm`,
  nominationLimit: (max: number) => `Một hồ sơ có tối đa ${max} tài liệu`,
  documentsLimit: (max: number) => `tối đa ${max} tài liệu`,
  clerkAddsOnlyWhenReturned: 'Đơn vị chỉ bổ sung tài liệu khi hồ sơ bị trả lại',
};

const campaign = {
  codeTaken: (code: string) => `Đã có đợt thi đua mã ${code}`,
  codeTakenDetail: 'mã này đã được dùng',
  unknown: 'Không có đợt thi đua này',
  unknownDetail: 'không có đợt thi đua nào với mã này',
  rejectsAward: 'Đợt thi đua này không nhận hồ sơ đề nghị danh hiệu này',
  acceptedAwards: (codes: readonly string[]) => `đợt thi đua chỉ nhận: ${codes.join(', ')}`,
  notAccepting: (status: string) => `Đợt thi đua không nhận hồ sơ lúc này (${status})`,
};

const admin = {
  unitUnknown: 'Không có đơn vị này',
  notAUnit: (code: string) => `${code} không phải là một đơn vị`,
  noReviewer: (level: string, org: string) => `Không còn người xét duyệt nào ở cấp ${level} (${org}); cần giao cho người khác.`,
  holdElapsed: 'Thời hạn tạm hoãn đã qua',
  fromTodayOn: 'phải từ hôm nay trở đi',
  csvRequired: 'Cần gửi tệp CSV',
  csvBody: 'nội dung phải là văn bản text/csv, không rỗng',
  csvErrors: (count: number) => `Tệp có ${count} lỗi; chưa dòng nào được nhập`,
  baseSalaryRecorded: 'Mức lương cơ sở từ ngày này đã được ghi nhận và đã dùng để tính tiền thưởng',
  baseSalaryOnDay: (day: string, amount: number) => `ngày ${day} đã có mức ${amount} đồng`,
  alreadyAgree: 'Hồ sơ và quy trình của hồ sơ đã khớp nhau; không cần xử lý',
  nothingToRedrive: (status: string) => `Hồ sơ đang ở trạng thái ${status}; không có gì để chạy lại`,
  workflowHealthy: 'Quy trình đang chạy bình thường; không cần sửa',
  codecAdminOnly: 'Chỉ quản trị viên được giải mã dữ liệu của Temporal',
  payloadKeyUnknown: 'Dữ liệu được mã hóa bằng một khóa không có trong PAYLOAD_KEYS',
  payloadUndecryptable: 'Không giải mã được dữ liệu bằng các khóa đã cấu hình',
};

/** A request id sent again: the same command is answered alike, another one refused. */
const request = {
  idReused: 'Mã yêu cầu (requestId) này đã được dùng cho một thao tác khác',
  idUsedFor: (operation: string) => `đã dùng cho thao tác ${operation}`,
  idUsedForAnother: 'đã dùng cho một thao tác khác',
  alreadyDone: 'Yêu cầu này đã được thực hiện trước đó',
  stepTaken: (seq: number) => `Bước ${seq} của hồ sơ đã được ghi cho một thao tác khác; quản trị viên cần đối chiếu (repair)`,
};

/** An award decision's refusals (quyết định khen thưởng). */
const awardDecision = {
  nominationsRefused: 'Có hồ sơ không thể đưa vào quyết định khen thưởng',
  revokedCannotIssue: 'Quyết định đã bị thu hồi, không thể ban hành lại',
  draftCannotRevoke: 'Quyết định chưa ban hành, không có gì để thu hồi',
  certificatesOnlyIssued: 'Chỉ in bằng, giấy khen của quyết định đã ban hành',
};

/** A nomination's refusals: the state machine's, the workflow's and the API's checks before it. */
const nomination = {
  submitOwnUnitOnly: (username: string, orgCode: string) => `${username} chỉ được lập hồ sơ cho đơn vị ${orgCode}`,
  clerkOfUnitOnly: 'Chỉ văn thư của đơn vị lập hồ sơ được thực hiện thao tác này',
  unknownAward: 'Không có danh hiệu này',
  awardNotInCatalogue: (version: string) => `không có trong danh mục phiên bản ${version}`,
  nomineeKindRefused: 'Danh hiệu này không xét cho loại đối tượng được đề nghị',
  awardNomineeKinds: (awardCode: string, kinds: readonly ('INDIVIDUAL' | 'COLLECTIVE')[]) =>
    `${awardCode} chỉ xét cho ${kinds.map((k) => NOMINEE_KIND_NAMES[k]).join(' hoặc ')}`,
  notEligible: 'Người được đề nghị chưa đủ điều kiện',
  dossierIncomplete: (missing: readonly string[]) => `Hồ sơ chưa đầy đủ: còn thiếu ${missing.join(', ')}`,
  documentMissing: (documentName: string) => `Thiếu ${documentName.toLocaleLowerCase('vi')}`,
  noLongerInReview: 'Hồ sơ không còn đang được xét',
  inStatus: (status: string) => `Hồ sơ đang ở trạng thái ${status}`,
  cannotDecide: (status: string) => `Hồ sơ đang ở trạng thái ${status}, không thể quyết định`,
  awaitsOtherLevel: (current: Level | null, level: Level) => `Hồ sơ đang chờ cấp ${current}, không phải cấp ${level}`,
  currentLevelIs: (level: Level | null) => `cấp hiện tại là ${level}`,
  busy: 'Một quyết định khác về hồ sơ này đang được ghi nhận',
  onHold: 'Hồ sơ đang tạm dừng xét do người được đề nghị đang trong thời gian không xét khen thưởng',
  notHeldByThis: 'Hồ sơ không bị tạm dừng bởi lệnh này',
  postingUntil: (endsAt: string | null) => `Hồ sơ đang được công khai đến ${endsAt}; chưa thể xét`,
  notInPosting: 'Hồ sơ không trong thời gian công khai lấy ý kiến',
  objectionLimit: (limit: number) => `Mỗi người gửi tối đa ${limit} ý kiến cho một hồ sơ`,
  objectionLimitDetail: (limit: number) => `đã gửi đủ ${limit} ý kiến cho hồ sơ này`,
  consultingUntil: (dueAt: string | null) => `Đang lấy ý kiến hiệp y đến ${dueAt}; chưa thể xét`,
  notInConsultation: 'Hồ sơ không trong thời gian lấy ý kiến hiệp y',
  agencyNotConsulted: (agency: string) => `Cơ quan ${agency} không được hỏi ý kiến về hồ sơ này`,
  notInConsultedAgency: (username: string) => `${username} không thuộc cơ quan được hỏi ý kiến về hồ sơ này`,
  agencyAnswered: (agency: string) => `Cơ quan ${agency} đã cho ý kiến`,
  agencyOverdue: (agency: string, dueAt?: string) => `Cơ quan ${agency} đã quá hạn cho ý kiến${dueAt ? ` (hạn ${dueAt})` : ''}`,
  externalOnlyForwarded: (status: string) => `Chỉ ghi quyết định của cấp trên cho hồ sơ đã trình (FORWARDED); hồ sơ đang ở trạng thái ${status}`,
  resubmitOnlyReturned: (status: string) => `Chỉ bổ sung được hồ sơ đã bị trả lại; hồ sơ đang ở trạng thái ${status}`,
  withdrawFinal: (status: string) => `Hồ sơ đã kết thúc (${status}), không thể rút`,
  quotaExhausted: (q: { unit: NamedOrg; awardCode: string; year: number; cap: number; percent: number; base: number; of: string }) =>
    `Đơn vị ${orgLabel(q.unit)} đã dùng hết ${q.cap} suất ${q.awardCode} năm ${q.year} (${q.percent}% của ${q.base} ${q.of})`,
  quotaUsage: (cap: number, used: number) => `tối đa ${cap} suất, đã dùng ${used}`,
  databaseNotReady: `Cơ sở dữ liệu chưa sẵn sàng; thao tác chưa được thực hiện, ${RETRY_WITH_SAME_REQUEST}`,
  notWritten: 'Thao tác không ghi được vào cơ sở dữ liệu và đã bị từ chối; hồ sơ giữ nguyên trạng thái',
  malformedCommand: 'Lệnh gửi đến quy trình của hồ sơ không hợp lệ',
};

const council = {
  decidesByVote: (level: Level) => `Cấp ${level} quyết định bằng biểu quyết của Hội đồng`,
  noVoteAtLevel: (level: Level) => `Cấp ${level} không biểu quyết bằng Hội đồng`,
  awaitsLevelWithoutVote: (level: Level) => `Hồ sơ đang chờ cấp ${level}, cấp này không biểu quyết bằng Hội đồng`,
  chairClosesVote: 'Chỉ Chủ tịch Hội đồng được kết thúc biểu quyết',
  notMember: (username: string, level: Level) => `${username} không phải là thành viên Hội đồng cấp ${level}`,
  voteClosed: 'Hội đồng đã kết thúc biểu quyết',
  alreadyVoted: 'Thành viên đã bỏ phiếu cho hồ sơ này',
  alreadyVotedDetail: 'đã bỏ phiếu',
};

export const API_MESSAGES = { common, auth, notFound, review, delegation, upload, campaign, admin, request, nomination, council, awardDecision };

export type NotFound = keyof typeof notFound;
