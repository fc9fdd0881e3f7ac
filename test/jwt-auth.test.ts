import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { Harness } from './support/harness';

const SECRET = 'identity-provider-shared-secret';
const ISSUER = 'https://sso.hanoi.gov.vn';
const AUDIENCE = 'tdkt-api';
const now = () => Math.floor(Date.now() / 1000);

interface Token {
  sub?: string;
  secret?: string;
  iss?: string;
  aud?: string;
  exp?: number | null;
  iat?: number;
}

const sign = ({ sub = 'u1.clerk', secret = SECRET, iss = ISSUER, aud = AUDIENCE, exp = now() + 300, iat = now() }: Token = {}) => {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuer(iss).setAudience(aud).setIssuedAt(iat);
  if (exp !== null) jwt.setExpirationTime(exp);
  return jwt.sign(new TextEncoder().encode(secret));
};

describe('outside dev mode, tokens come from the identity provider', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start({ AUTH_MODE: 'jwt', AUTH_JWT_SECRET: SECRET, AUTH_JWT_ISSUER: ISSUER, AUTH_JWT_AUDIENCE: AUDIENCE, AUTH_JWT_MAX_AGE: '12h' });
  });
  afterAll(async () => {
    await sut.close();
  });

  const call = (token: string) => request(sut.app.getHttpServer()).get('/api/notifications').set('Authorization', `Bearer ${token}`);

  it('has no dev sign-in (nor its user picker) and accepts a signed token for a known user', async () => {
    expect((await request(sut.app.getHttpServer()).post('/api/auth/dev-token').send({ username: 'u1.clerk' })).status).toBe(404);
    expect((await request(sut.app.getHttpServer()).get('/api/auth/dev-users')).status).toBe(404);
    expect((await call(await sign())).status).toBe(200);
    const me = await request(sut.app.getHttpServer())
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${await sign()}`);
    expect(me.body).toMatchObject({ username: 'u1.clerk', role: 'CLERK', orgCode: 'U1', reviewsLevel: null });
  });

  it.each<[string, () => Promise<string>]>([
    ['without exp', () => sign({ exp: null })],
    ['expired', () => sign({ exp: now() - 120, iat: now() - 600 })],
    ['issued longer ago than AUTH_JWT_MAX_AGE', () => sign({ iat: now() - 13 * 3600, exp: now() + 3600 })],
    ['for another audience', () => sign({ aud: 'another-app' })],
    ['from another issuer', () => sign({ iss: 'https://sso.example.com' })],
    [
      'unsigned (alg: none)',
      async () => new UnsecuredJWT({ sub: 'u1.admin' }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('5m').encode(),
    ],
    ['signed with another key', () => sign({ secret: 'another-secret-of-16' })],
    ['naming an unknown user', () => sign({ sub: 'stranger' })],
  ])('refuses a token %s with 401 in the error shape', async (_, token) => {
    const res = await call(await token());

    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: expect.objectContaining({ code: 'UNAUTHENTICATED', message: expect.any(String) }) });
  });
});

describe('with the identity provider’s key set (JWKS)', () => {
  const KID = 'sso-2026';
  let sut: Harness;
  let keys: { privateKey: CryptoKey; publicKey: CryptoKey };
  let jwks: Server;
  let port: number;

  const listen = (server: Server, at = 0) =>
    new Promise<number>((resolve) => server.listen(at, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
  const es256 = (privateKey = keys.privateKey, kid = KID) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject('u1.clerk')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  const call = (token: string) => request(sut.app.getHttpServer()).get('/api/notifications').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    keys = await generateKeyPair('ES256');
    const body = JSON.stringify({ keys: [{ ...(await exportJWK(keys.publicKey)), alg: 'ES256', kid: KID, use: 'sig' }] });
    jwks = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    // A port nothing listens on yet: the identity provider is down when the API first needs its keys.
    const probe = createServer();
    port = await listen(probe);
    await close(probe);
    sut = await Harness.start({ AUTH_MODE: 'jwt', AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks`, AUTH_JWT_ISSUER: ISSUER, AUTH_JWT_AUDIENCE: AUDIENCE });
  });
  afterAll(async () => {
    await sut?.close();
    if (jwks?.listening) await close(jwks);
  });

  it('answers 503 UNAVAILABLE with Retry-After while the key set is unreachable, and 401 still to a token it can judge without it', async () => {
    const down = await call(await es256());
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toMatch(/^\d+$/);
    expect(down.body).toEqual({ error: expect.objectContaining({ code: 'UNAVAILABLE', message: expect.any(String) }) });
    // Malformed, or signed with an algorithm a key set never serves: refused before any key is fetched.
    expect((await call('not-a-jwt')).status).toBe(401);
    expect((await call(await sign())).status).toBe(401);
  });

  it('once the key set is served, accepts a token it signs and refuses one of another key or an unknown key id with 401', async () => {
    await listen(jwks, port);
    expect((await call(await es256())).status).toBe(200);
    const stranger = await generateKeyPair('ES256');
    for (const token of [await es256(stranger.privateKey), await es256(stranger.privateKey, 'unknown-kid')]) {
      const res = await call(token);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
  });
});
