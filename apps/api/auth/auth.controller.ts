import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { devTokenResponse, devUsersResponse } from '../../../libs/domain/api-responses';
import { devTokenSchema } from '../../../libs/domain/schemas';
import { OrgRepository, type DevUser } from '../../../libs/db/org.repository';
import { ApiRoute } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { Public } from './auth.guard';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly orgs: OrgRepository,
  ) {}

  /** The web app's user picker: in dev mode anyone may sign in as anyone, so the list hides nothing more. */
  @Public()
  @Get('dev-users')
  @ApiRoute({
    id: 'listDevUsers',
    summary: 'List the seeded users to sign in as (dev mode)',
    description: 'The users the dev sign-in offers, with their display names and roles. Exists only with AUTH_MODE=dev (404 otherwise); no token needed.',
    response: devUsersResponse,
    anonymous: true,
  })
  async devUsers(): Promise<DevUser[]> {
    return this.orgs.users();
  }

  /** Development sign-in; the module registers this controller only when AUTH_MODE=dev. */
  @Public()
  @Post('dev-token')
  @HttpCode(200)
  @ApiRoute({
    id: 'createDevToken',
    summary: 'Get a token for a seeded user (dev mode)',
    description:
      'Dev sign-in: a bearer token (JWT) for the named seeded user, to send as `Authorization: Bearer <token>`. Exists only with AUTH_MODE=dev (404 otherwise); no token needed.',
    body: devTokenSchema,
    response: devTokenResponse,
    errors: [401],
    anonymous: true,
    example: { body: { username: 'u1.clerk' } },
  })
  async devToken(@Body(new ZodPipe(devTokenSchema)) body: { username: string }): Promise<{ token: string }> {
    return { token: await this.auth.devToken(body.username) };
  }
}
