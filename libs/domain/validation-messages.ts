import type { z } from 'zod';
import type { UnsafeCharacter } from './text';

// The validator's own messages in Vietnamese, for every 400 the API words from a schema (ZodPipe): the
// web app shows the API's messages as they come. A schema's own message (a custom refinement, an
// `{ error }`) still wins over these, and is worded in RULE_MESSAGES below; an issue not listed here
// keeps zod's wording. Refusals after validation are in api-messages.ts.

export const VALIDATION_FAILED_MESSAGE = 'Thông tin chưa hợp lệ, vui lòng sửa các ô được đánh dấu.';

export const unknownFieldMessage = (key: string) => `Trường ${key} không được phép gửi.`;

const TYPE_NAMES: Record<string, string> = {
  string: 'một chuỗi ký tự',
  number: 'một số',
  int: 'một số nguyên',
  boolean: 'đúng hoặc sai',
  array: 'một danh sách',
  object: 'một đối tượng',
  date: 'một ngày',
};

const DAY = 'một ngày dạng YYYY-MM-DD';

const FORMAT_NAMES: Record<string, string> = {
  date: DAY,
  datetime: 'một thời điểm ISO 8601 (YYYY-MM-DDTHH:mm:ssZ)',
  uuid: 'một mã UUID',
  email: 'một địa chỉ email',
  url: 'một địa chỉ URL',
};

/** The schemas' own rules, each worded where the validator has no words for it. */
export const RULE_MESSAGES = {
  unsafeCharacter: ({ kind, codePoint, position }: UnsafeCharacter) =>
    `Không được chứa ${kind === 'control' ? 'ký tự điều khiển' : 'ký tự hỏng (surrogate lẻ)'} ${codePoint} (ở vị trí ${position}).`,
  codeCharacters: 'Chỉ gồm chữ cái không dấu, chữ số, "_", "." và "-".',
  usernameCharacters: 'Chỉ gồm chữ cái không dấu, chữ số, ".", "_", "@", "+" và "-".',
  requestIdCharacters: 'Chỉ gồm chữ cái không dấu, chữ số và các ký tự . _ : ~ + = / -',
  day: `Cần ${DAY}.`,
  calendarDay: 'Không có ngày này trong lịch.',
  reasonRequired: 'Cần ghi lý do.',
  commentRequired: (decision: string) => `Cần ghi ý kiến khi quyết định là ${decision}.`,
  groundRequired: 'Cần chọn lý do khi không phê duyệt (REJECT).',
  groundOnlyOnReject: 'Chỉ chọn lý do khi quyết định là không phê duyệt (REJECT).',
  notBeforeFrom: 'Không được trước ngày bắt đầu (from).',
  closesAfterOpens: 'Phải sau thời điểm mở (opensAt).',
  decisionNotBeforeClose: 'Không được trước thời điểm đóng (closesAt).',
  levelDeadline: 'Cần số ngày làm việc (như 7wd) hoặc một khoảng thời gian (như 30s).',
  countsWithinTotal: 'Không số nào được lớn hơn tổng số thành viên (total).',
};

type Issue = Parameters<z.core.$ZodErrorMap>[0];

function tooSmall(origin: string, minimum: string, inclusive: boolean): string {
  if (origin === 'string') return minimum === '1' ? 'Không được để trống.' : `Cần ít nhất ${minimum} ký tự.`;
  if (origin === 'array' || origin === 'set') return `Cần ít nhất ${minimum} mục.`;
  if (origin === 'number' || origin === 'int' || origin === 'bigint') return inclusive ? `Không được nhỏ hơn ${minimum}.` : `Phải lớn hơn ${minimum}.`;
  return 'Giá trị quá nhỏ.';
}

function tooBig(origin: string, maximum: string, inclusive: boolean): string {
  if (origin === 'string') return `Tối đa ${maximum} ký tự.`;
  if (origin === 'array' || origin === 'set') return `Tối đa ${maximum} mục.`;
  if (origin === 'number' || origin === 'int' || origin === 'bigint') return inclusive ? `Không được lớn hơn ${maximum}.` : `Phải nhỏ hơn ${maximum}.`;
  return 'Giá trị quá lớn.';
}

export const vietnameseIssues = (issue: Issue): string | undefined => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Bắt buộc nhập.' : `Cần ${TYPE_NAMES[issue.expected] ?? 'giá trị khác kiểu'}.`;
    case 'too_small':
      return tooSmall(issue.origin, String(issue.minimum), issue.inclusive !== false);
    case 'too_big':
      return tooBig(issue.origin, String(issue.maximum), issue.inclusive !== false);
    case 'invalid_format':
      return FORMAT_NAMES[issue.format] ? `Cần ${FORMAT_NAMES[issue.format]}.` : 'Sai định dạng.';
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return 'Giá trị không hợp lệ.';
    case 'not_multiple_of':
      return `Phải là bội số của ${String(issue.divisor)}.`;
    default:
      return undefined;
  }
};
