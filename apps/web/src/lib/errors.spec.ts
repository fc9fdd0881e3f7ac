import { ApiFailure, LOST_RACE, errorMessage, fieldErrors, isLostRace } from './errors';

const failure = (status: number, code: string, message: string, details: { path: string; message: string }[] = []) =>
  new ApiFailure(status, { error: { code, message, details } });

describe('web error mapping', () => {
  it('says a lost race plainly, whatever the API worded it', () => {
    const race = failure(409, 'LEVEL_MISMATCH', 'level SO is not the current level (CITY)');
    expect(isLostRace(race)).toBe(true);
    expect(errorMessage(race)).toBe(LOST_RACE);
    expect(isLostRace(failure(409, 'INVALID_STATE', 'not in review'))).toBe(true);
    // A hold is a 409 too, but no one else decided: its own message is the right one.
    expect(isLostRace(failure(409, 'ON_HOLD', 'Hồ sơ đang bị tạm dừng'))).toBe(false);
    expect(errorMessage(failure(409, 'ON_HOLD', 'Hồ sơ đang bị tạm dừng'))).toBe('Hồ sơ đang bị tạm dừng');
  });

  it('shows the API’s Vietnamese message as it came, and a Vietnamese one by status when there is none', () => {
    expect(errorMessage(failure(422, 'NOT_ELIGIBLE', 'Hồ sơ chưa đủ điều kiện'))).toBe('Hồ sơ chưa đủ điều kiện');
    expect(errorMessage(new ApiFailure(403, undefined))).toBe('Bạn không có quyền thực hiện thao tác này.');
    expect(errorMessage(new ApiFailure(418, undefined))).toBe('Có lỗi xảy ra (mã 418).');
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('Không kết nối được với máy chủ.');
  });

  it('hands each detail to the field it concerns, by path or path prefix; the rest to the alert', () => {
    const error = failure(400, 'VALIDATION_FAILED', 'Thông tin chưa hợp lệ, vui lòng sửa các ô được đánh dấu.', [
      { path: 'nominee.fullName', message: 'Cần ít nhất 2 ký tự.' },
      { path: 'declarations.initiatives.1', message: 'Tối đa 500 ký tự.' },
      { path: 'TO_TRINH', message: 'Thiếu Tờ trình' },
      { path: 'campaignId', message: 'Đợt thi đua đã đóng' },
    ]);
    const { byField, rest } = fieldErrors(error, { name: ['nominee.fullName'], initiatives: ['declarations.initiatives'], 'doc-TO_TRINH': ['TO_TRINH'] });
    expect(byField).toEqual({ name: 'Cần ít nhất 2 ký tự.', initiatives: 'Tối đa 500 ký tự.', 'doc-TO_TRINH': 'Thiếu Tờ trình' });
    expect(rest).toEqual(['campaignId: Đợt thi đua đã đóng']);
    expect(fieldErrors(new Error('x'), { name: ['nominee.fullName'] })).toEqual({ byField: {}, rest: [] });
  });
});
