import { Inject, Injectable, Logger } from '@nestjs/common';
import { SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import type { Actor } from '../../../libs/domain/access-policy';
import { OrgRepository } from '../../../libs/db/org.repository';
import { username as usernameSchema } from '../../../libs/domain/text';
import { ApiError } from '../common/api-error';
import { DEV_AUDIENCE, DEV_ISSUER, InvalidToken, jwtVerifierFrom, KeysUnavailable, type JwtVerifier } from './jwt-verifier';

/**
 * Turns a bearer token into a user of ours. In dev mode the tokens are our own (HS256, dev secret);
 * otherwise they come from the organisation's identity provider (JWKS URL or shared secret) and
 * their subject claim names the user.
 */
@Injectable()
export class AuthService {
  private readonly verifier: JwtVerifier;
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly orgs: OrgRepository,
  ) {
    this.verifier = jwtVerifierFrom(config);
  }

  get devMode(): boolean {
    return this.config.AUTH_MODE === 'dev';
  }

  async devToken(username: string): Promise<string> {
    if (!(await this.orgs.findUser(username))) throw new ApiError('UNAUTHENTICATED', API_MESSAGES.auth.accountUnknown(username));
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(username)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(new TextEncoder().encode(this.config.DEV_JWT_SECRET));
  }

  async authenticate(authorization: string | undefined): Promise<Actor> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new ApiError('UNAUTHENTICATED', API_MESSAGES.auth.tokenMissing);
    const username = await this.verify(token);
    // A claim no user of ours could have (a NUL would even fail the query) names nobody.
    if (!usernameSchema().safeParse(username).success) throw new ApiError('UNAUTHENTICATED', API_MESSAGES.auth.tokenNamesNoUser);
    const actor = await this.orgs.findUser(username);
    if (!actor) throw new ApiError('UNAUTHENTICATED', API_MESSAGES.auth.tokenNamesNoUser);
    return actor;
  }

  private async verify(token: string): Promise<string> {
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidToken) throw new ApiError('UNAUTHENTICATED', API_MESSAGES.auth.tokenInvalid);
      // The token may well be good: a 401 would sign the user out for the identity provider's outage.
      if (error instanceof KeysUnavailable) {
        this.logger.warn(`identity provider key set unavailable: ${error.message}`);
        throw new ApiError('UNAVAILABLE', API_MESSAGES.auth.identityProviderUnavailable);
      }
      throw error;
    }
  }
}
