import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '../../../libs/config/config';

/** Shared-secret algorithms; a JWKS holds public keys, so only the asymmetric ones make sense there. */
export const SECRET_ALGORITHMS = ['HS256', 'HS384', 'HS512'];
export const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
/** Clocks of the identity provider and ours may disagree this much (seconds). */
export const CLOCK_TOLERANCE_S = 60;

export const DEV_ISSUER = 'thi-dua-dev';
export const DEV_AUDIENCE = 'thi-dua-dev';

export interface JwtRules {
  key: Uint8Array | JWTVerifyGetKey;
  algorithms: string[];
  issuer: string;
  audience: string;
  maxAgeMs: number;
  usernameClaim: string;
}

export class InvalidToken extends Error {}

/** The identity provider's key set could not be fetched: nothing is known yet about the token. */
export class KeysUnavailable extends Error {}

/**
 * What a key lookup in a fetched key set throws about the token itself (no key for its `kid` or
 * `alg`, or several): anything else from a remote key set means the set was not fetched (unreachable,
 * timed out, not 200, not a key set).
 */
const TOKEN_KEY_ERRORS = [errors.JWKSNoMatchingKey, errors.JWKSMultipleMatchingKeys, errors.JOSENotSupported];

/** A remote key set whose fetch failures are told apart from tokens it has no key for. */
export function remoteKeys(getKey: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await getKey(header, token);
    } catch (error) {
      if (TOKEN_KEY_ERRORS.some((type) => error instanceof type)) throw error;
      throw new KeysUnavailable(error instanceof Error ? error.message : String(error), { cause: error });
    }
  };
}

/**
 * Checks a bearer token against one issuer's rules: signature by the configured key with an allowed
 * algorithm (never `none`), issuer, audience, a required `exp`, and an `iat` no older than the
 * maximum age. Returns the claim that names the user; whether that user exists is the caller's check.
 */
export class JwtVerifier {
  constructor(private readonly rules: JwtRules) {}

  async verify(token: string): Promise<string> {
    const { key, algorithms, issuer, audience, maxAgeMs, usernameClaim } = this.rules;
    const options = {
      algorithms,
      issuer,
      audience,
      requiredClaims: ['exp'],
      clockTolerance: CLOCK_TOLERANCE_S,
      maxTokenAge: Math.floor(maxAgeMs / 1000),
    };
    let payload: Record<string, unknown>;
    try {
      // Two calls, not one over a union: jose types the key and the getter as different overloads.
      ({ payload } = key instanceof Uint8Array ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options));
    } catch (error) {
      if (error instanceof KeysUnavailable) throw error;
      throw new InvalidToken(error instanceof Error ? error.message : String(error));
    }
    const claim = payload[usernameClaim];
    if (typeof claim !== 'string' || !claim) throw new InvalidToken(`claim ${usernameClaim} missing`);
    return claim;
  }
}

const encode = (secret: string) => new TextEncoder().encode(secret);

/** The verifier of the configured mode: our own dev tokens, or the identity provider's. */
export function jwtVerifierFrom(config: AppConfig): JwtVerifier {
  const maxAgeMs = config.AUTH_JWT_MAX_AGE;
  if (config.AUTH_MODE === 'dev') {
    return new JwtVerifier({
      key: encode(config.DEV_JWT_SECRET),
      algorithms: ['HS256'],
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      maxAgeMs,
      usernameClaim: 'sub',
    });
  }
  // The configuration guarantees these in jwt mode; checked again so a bypass fails closed.
  if (!config.AUTH_JWT_ISSUER || !config.AUTH_JWT_AUDIENCE) throw new Error('AUTH_MODE=jwt needs AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE');
  const common = { issuer: config.AUTH_JWT_ISSUER, audience: config.AUTH_JWT_AUDIENCE, maxAgeMs, usernameClaim: config.AUTH_USERNAME_CLAIM };
  if (config.AUTH_JWKS_URL)
    return new JwtVerifier({ ...common, key: remoteKeys(createRemoteJWKSet(new URL(config.AUTH_JWKS_URL))), algorithms: JWKS_ALGORITHMS });
  if (!config.AUTH_JWT_SECRET) throw new Error('AUTH_MODE=jwt needs AUTH_JWT_SECRET or AUTH_JWKS_URL');
  return new JwtVerifier({ ...common, key: encode(config.AUTH_JWT_SECRET), algorithms: SECRET_ALGORITHMS });
}
