import { createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWTPayload } from 'jose';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../../libs/config/config';
import { InvalidToken, JWKS_ALGORITHMS, JwtVerifier, KeysUnavailable, SECRET_ALGORITHMS, jwtVerifierFrom, remoteKeys } from './jwt-verifier';

const SECRET = new TextEncoder().encode('identity-provider-shared-secret');
const ISSUER = 'https://sso.hanoi.gov.vn';
const AUDIENCE = 'tdkt';
const HOUR_MS = 3_600_000;
const now = () => Math.floor(Date.now() / 1000);

const rules = { key: SECRET, algorithms: SECRET_ALGORITHMS, issuer: ISSUER, audience: AUDIENCE, maxAgeMs: 12 * HOUR_MS, usernameClaim: 'sub' };

interface Claims {
  alg?: string;
  iss?: string;
  aud?: string;
  exp?: number | null;
  iat?: number | null;
  extra?: JWTPayload;
}

function sign({ alg = 'HS256', iss = ISSUER, aud = AUDIENCE, exp = now() + 300, iat = now(), extra = {} }: Claims = {}, key: Uint8Array | CryptoKey = SECRET) {
  const jwt = new SignJWT({ sub: 'u1.clerk', ...extra }).setProtectedHeader({ alg }).setIssuer(iss).setAudience(aud);
  if (exp !== null) jwt.setExpirationTime(exp);
  if (iat !== null) jwt.setIssuedAt(iat);
  return jwt.sign(key);
}

async function refusal(verifier: JwtVerifier, token: string): Promise<string> {
  try {
    await verifier.verify(token);
  } catch (error) {
    if (error instanceof InvalidToken) return error.message;
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('JwtVerifier with a shared secret', () => {
  const sut = new JwtVerifier(rules);

  it.each(SECRET_ALGORITHMS)('accepts a token signed with %s and names its subject', async (alg) => {
    expect(await sut.verify(await sign({ alg }))).toBe('u1.clerk');
  });

  it('requires exp', async () => {
    expect(await refusal(sut, await sign({ exp: null }))).toMatch(/"exp" claim/);
  });

  it('refuses an expired token, beyond a minute of clock tolerance', async () => {
    expect(await sut.verify(await sign({ exp: now() - 30 }))).toBe('u1.clerk');
    expect(await refusal(sut, await sign({ exp: now() - 90 }))).toMatch(/"exp" claim/);
  });

  it('refuses a token issued longer ago than the maximum age, or without iat', async () => {
    expect(await refusal(sut, await sign({ iat: now() - 13 * 3600, exp: now() + 3600 }))).toMatch(/"iat" claim/);
    expect(await refusal(sut, await sign({ iat: null }))).toMatch(/"iat" claim/);
  });

  it('refuses a token issued in the future, beyond the tolerance', async () => {
    expect(await refusal(sut, await sign({ iat: now() + 600 }))).toMatch(/"iat" claim/);
  });

  it('refuses another issuer or another audience', async () => {
    expect(await refusal(sut, await sign({ iss: 'https://evil.example' }))).toMatch(/"iss" claim/);
    expect(await refusal(sut, await sign({ aud: 'another-app' }))).toMatch(/"aud" claim/);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const unsigned = new UnsecuredJWT({ sub: 'u1.admin' }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('5m').encode();
    expect(await refusal(sut, unsigned)).toBeTruthy();
  });

  it('refuses a token signed with another secret', async () => {
    expect(await refusal(sut, await sign({}, new TextEncoder().encode('another-secret-of-16-chars')))).toMatch(/signature/);
  });

  it('refuses an asymmetric algorithm for a shared secret', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expect(await refusal(sut, await sign({ alg: 'RS256' }, privateKey))).toBeTruthy();
  });

  it('refuses a token without the username claim', async () => {
    const other = new JwtVerifier({ ...rules, usernameClaim: 'preferred_username' });
    expect(await refusal(other, await sign())).toMatch(/preferred_username/);
    expect(await other.verify(await sign({ extra: { preferred_username: 'u1.head' } }))).toBe('u1.head');
  });
});

describe('JwtVerifier with a JWKS', () => {
  it('accepts the allowed asymmetric algorithms only, from the key set', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), alg: 'ES256', kid: 'k1' }] });
    const sut = new JwtVerifier({ ...rules, key: jwks, algorithms: JWKS_ALGORITHMS });
    const es256 = await new SignJWT({ sub: 'u1.head' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

    expect(await sut.verify(es256)).toBe('u1.head');
    expect(await refusal(sut, await sign())).toBeTruthy();
    const stranger = await generateKeyPair('ES256');
    expect(await refusal(sut, await sign({ alg: 'ES256' }, stranger.privateKey))).toBeTruthy();
  });
});

describe('JwtVerifier with a remote JWKS', () => {
  /** A key set server answering `status` with `body`; its URL, and a way to stop it. */
  async function keySet(status: number, body: unknown) {
    const server = createServer((_, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`);
    return { url, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }
  const verifier = (url: URL) =>
    new JwtVerifier({ ...rules, key: remoteKeys(createRemoteJWKSet(url, { timeoutDuration: 2000 })), algorithms: JWKS_ALGORITHMS });
  const es256 = async (privateKey: CryptoKey, kid = 'k1') =>
    new SignJWT({ sub: 'u1.head' })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  const failure = async (sut: JwtVerifier, token: string) =>
    sut.verify(token).then(
      () => null,
      (error: unknown) => error,
    );

  it('says the keys are unavailable, not the token invalid, when the key set is unreachable, not 200 or no key set', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await es256(privateKey);
    const erring = await keySet(500, { error: 'down' });
    const garbled = await keySet(200, { not: 'a key set' });
    const gone = await keySet(200, { keys: [] });
    await gone.stop();
    try {
      for (const url of [erring.url, garbled.url, gone.url]) expect(await failure(verifier(url), token)).toBeInstanceOf(KeysUnavailable);
    } finally {
      await erring.stop();
      await garbled.stop();
    }
  });

  it('refuses the token when the fetched key set has no key for it', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const served = await keySet(200, { keys: [{ ...(await exportJWK(publicKey)), alg: 'ES256', kid: 'k1' }] });
    try {
      const sut = verifier(served.url);
      expect(await sut.verify(await es256(privateKey))).toBe('u1.head');
      expect(await failure(sut, await es256(privateKey, 'k2'))).toBeInstanceOf(InvalidToken);
      expect(await failure(sut, await es256((await generateKeyPair('ES256')).privateKey))).toBeInstanceOf(InvalidToken);
    } finally {
      await served.stop();
    }
  });
});

describe('jwtVerifierFrom', () => {
  const base = { DATABASE_URL: 'postgresql://tdkt@localhost/tdkt', AUTH_JWT_ISSUER: ISSUER, AUTH_JWT_AUDIENCE: AUDIENCE, AUTH_JWT_MAX_AGE: '1h' };

  it('applies the configured issuer, audience and maximum age to a shared secret', async () => {
    const sut = jwtVerifierFrom(loadConfig({ ...base, AUTH_JWT_SECRET: 'identity-provider-shared-secret' }));

    expect(await sut.verify(await sign({ alg: 'HS512' }))).toBe('u1.clerk');
    expect(await refusal(sut, await sign({ iat: now() - 2 * 3600 }))).toMatch(/"iat" claim/);
  });

  it('in dev mode takes only its own tokens, signed with the dev secret', async () => {
    const sut = jwtVerifierFrom(loadConfig({ DATABASE_URL: base.DATABASE_URL, AUTH_MODE: 'dev', DEV_JWT_SECRET: 'identity-provider-shared-secret' }));

    expect(await refusal(sut, await sign())).toMatch(/"iss" claim/);
    expect(await sut.verify(await sign({ iss: 'thi-dua-dev', aud: 'thi-dua-dev' }))).toBe('u1.clerk');
  });
});
