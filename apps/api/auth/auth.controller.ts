import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { devTokenSchema } from '../../../libs/domain/schemas';
import { OrgRepository, type DevUser } from '../../../libs/db/org.repository';
import { ZodBody } from '../common/openapi';
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
  async devUsers(): Promise<DevUser[]> {
    return this.orgs.users();
  }

  /** Development sign-in; the module registers this controller only when AUTH_MODE=dev. */
  @Public()
  @Post('dev-token')
  @HttpCode(200)
  @ZodBody(devTokenSchema)
  async devToken(@Body(new ZodPipe(devTokenSchema)) body: { username: string }): Promise<{ token: string }> {
    return { token: await this.auth.devToken(body.username) };
  }
}
