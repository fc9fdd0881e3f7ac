/** What the app says when the API refuses: its Vietnamese message, and the field each detail is about. */

export interface ApiErrorBody {
  error?: { code?: string; message?: string; details?: { path?: string; message?: string }[] };
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | undefined,
  ) {
    super(body?.error?.message ?? `HTTP ${status}`);
  }

  get code(): string | undefined {
    return this.body?.error?.code;
  }
}

export const LOST_RACE = 'Hồ sơ đã được người khác xử lý';

const BY_STATUS: Record<number, string> = {
  401: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy hồ sơ hoặc bạn không được xem hồ sơ này.',
  413: 'Tệp quá lớn.',
  415: 'Định dạng tệp không được chấp nhận (chỉ PDF, DOCX, XLSX, JPEG, PNG).',
  429: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.',
  503: 'Hệ thống đang bận hoặc một thành phần tạm ngừng, vui lòng thử lại.',
};

/** A 409 on a command about a nomination: someone else's decision (or a timer) moved it first. */
export function isLostRace(error: unknown): boolean {
  return error instanceof ApiFailure && error.status === 409 && (error.code === 'LEVEL_MISMATCH' || error.code === 'INVALID_STATE');
}

/** One sentence for an alert: the race in plain words, else the API's message, else one by status. */
export function errorMessage(error: unknown): string {
  if (isLostRace(error)) return LOST_RACE;
  if (error instanceof ApiFailure) {
    const message = error.body?.error?.message;
    if (message) return message;
    return BY_STATUS[error.status] ?? `Có lỗi xảy ra (mã ${error.status}).`;
  }
  if (error instanceof TypeError) return 'Không kết nối được với máy chủ.';
  return 'Có lỗi xảy ra.';
}

/**
 * The API's details keyed by the form field they concern. `fields` maps a field's name to the API
 * paths that land on it (`nominee.fullName`, or a prefix such as `declarations.initiatives`);
 * a detail no field claims stays for the form-level alert.
 */
export function fieldErrors(error: unknown, fields: Record<string, readonly string[]>): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  if (!(error instanceof ApiFailure)) return { byField, rest };
  for (const detail of error.body?.error?.details ?? []) {
    const path = detail.path ?? '';
    const message = detail.message ?? '';
    const field = Object.keys(fields).find((name) => fields[name]!.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`)));
    if (field) byField[field] = byField[field] ? `${byField[field]} ${message}` : message;
    else rest.push(path ? `${path}: ${message}` : message);
  }
  return { byField, rest };
}
