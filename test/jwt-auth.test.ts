import { SignJWT } from 'jose';
import request from 'supertest';
import { Harness } from './support/harness';

const SECRET = 'identity-provider-shared-secret';
const sign = (sub: string, secret = SECRET) =>
  new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuer('https://sso.hanoi.gov.vn').setExpirationTime('5m').sign(new TextEncoder().encode(secret));

describe('outside dev mode, tokens come from the identity provider', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start({ AUTH_MODE: 'jwt', AUTH_JWT_SECRET: SECRET, AUTH_JWT_ISSUER: 'https://sso.hanoi.gov.vn' });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('has no dev sign-in, accepts a signed token for a known user and refuses anything else', async () => {
    const http = request(sut.app.getHttpServer());
    expect((await http.post('/api/auth/dev-token').send({ username: 'u1.clerk' })).status).toBe(404);
    expect((await http.get('/api/notifications').set('Authorization', `Bearer ${await sign('u1.clerk')}`)).status).toBe(200);
    expect((await http.get('/api/notifications').set('Authorization', `Bearer ${await sign('u1.clerk', 'another-secret-of-16')}`)).status).toBe(401);
    expect((await http.get('/api/notifications').set('Authorization', `Bearer ${await sign('stranger')}`)).status).toBe(401);
  });
});
