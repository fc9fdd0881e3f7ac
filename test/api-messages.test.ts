import request from 'supertest';
import { API_MESSAGES } from '../libs/domain/api-messages';
import { Harness } from './support/harness';

/**
 * The refusals the HTTP layer words before any handler of ours runs (body parsing, routing, the
 * guards) reach the user in Vietnamese, in the one error shape, with their codes unchanged.
 */
describe('the API refuses in Vietnamese', () => {
  let sut: Harness;
  let clerk: string;
  beforeAll(async () => {
    sut = await Harness.start();
    clerk = `Bearer ${await sut.token('u1.clerk')}`;
  });
  afterAll(() => sut.close());

  const api = () => request(sut.app.getHttpServer());

  it('a malformed JSON body: 400 VALIDATION_FAILED', async () => {
    const res = await api().post('/api/nominations').set('Authorization', clerk).set('Content-Type', 'application/json').send('{"awardCode":');

    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: 'Nội dung yêu cầu không phải là JSON hợp lệ', details: [] } });
  });

  it('no token, a bad token, a token naming nobody: 401 UNAUTHENTICATED', async () => {
    const missing = await api().get('/api/nominations');
    const bad = await api().get('/api/nominations').set('Authorization', 'Bearer not-a-jwt');

    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Chưa đăng nhập: yêu cầu cần có mã xác thực (bearer token)', details: [] },
    });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toEqual({ code: 'UNAUTHENTICATED', message: API_MESSAGES.auth.tokenInvalid, details: [] });
    const stranger = await api().post('/api/auth/dev-token').send({ username: 'nobody.here' });
    expect(stranger.status).toBe(401);
    expect(stranger.body.error.message).toBe('Tài khoản nobody.here không có trong hệ thống');
  });

  it('a role the route is not for: 403 FORBIDDEN naming the roles in Vietnamese', async () => {
    const res = await api().get('/api/admin/holds').set('Authorization', clerk);

    expect(res.status).toBe(403);
    expect(res.body.error).toEqual({
      code: 'FORBIDDEN',
      message: 'Chức năng này chỉ dành cho quản trị viên; tài khoản u1.clerk là văn thư đơn vị',
      details: [],
    });
  });

  it('an unknown route, a body too large, an unknown charset: 404, 413, 415 in Vietnamese', async () => {
    const route = await api().get('/api/no-such-thing').set('Authorization', clerk);
    const huge = await api()
      .post('/api/nominations')
      .set('Authorization', clerk)
      .send({ achievements: 'x'.repeat(2_000_000) });
    const charset = await api().post('/api/nominations').set('Authorization', clerk).set('Content-Type', 'application/json; charset=ebcdic').send('{}');

    expect([route.status, huge.status, charset.status]).toEqual([404, 413, 415]);
    expect(route.body.error).toEqual({ code: 'NOT_FOUND', message: API_MESSAGES.common.byCode.NOT_FOUND, details: [] });
    expect(huge.body.error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: API_MESSAGES.common.byCode.PAYLOAD_TOO_LARGE, details: [] });
    expect(charset.body.error).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: API_MESSAGES.common.byCode.UNSUPPORTED_MEDIA_TYPE, details: [] });
  });

  it('a nomination that does not exist: 404 in Vietnamese', async () => {
    const res = await api().get('/api/nominations/00000000-0000-4000-8000-000000000000').set('Authorization', clerk);

    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy hồ sơ', details: [] });
  });
});
