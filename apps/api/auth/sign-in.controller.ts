import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { signInResponse } from '../../../libs/domain/api-responses';
import { ApiRoute } from '../common/openapi';
import { Public } from './auth.guard';

@ApiTags('auth')
@Controller('auth')
export class SignInController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** What the sign-in page needs before anyone is signed in; the issuer and client id are public in OpenID Connect anyway. */
  @Public()
  @Get('sign-in')
  @ApiRoute({
    id: 'getSignIn',
    summary: 'How the web app signs in',
    description: "Which sign-in the web app shows: the dev user picker (AUTH_MODE=dev) or the identity provider's settings (AUTH_MODE=jwt). No token needed.",
    response: signInResponse,
    anonymous: true,
  })
  signIn() {
    const { AUTH_MODE, AUTH_JWT_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_SCOPE } = this.config;
    const oidc =
      AUTH_MODE === 'jwt' && AUTH_JWT_ISSUER && AUTH_OIDC_CLIENT_ID ? { issuer: AUTH_JWT_ISSUER, clientId: AUTH_OIDC_CLIENT_ID, scope: AUTH_OIDC_SCOPE } : null;
    return { mode: AUTH_MODE, oidc };
  }
}
