import { Body, Controller, HttpCode, Inject, Options, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { Request, Response } from 'express';
import { UnknownPayloadKeyError } from '../../../libs/codec/encryption-codec';
import { payloadFromJson, payloadsJsonSchema, payloadToJson } from '../../../libs/codec/proto-json';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import { Public } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { ApiError } from '../common/api-error';
import { ZodPipe } from '../common/zod.pipe';
import { applyCodecCors, codecOrigins, fromLoopback } from './codec-cors';
import { PAYLOAD_CODEC } from './temporal.module';

const bodyPipe = new ZodPipe(payloadsJsonSchema);

/**
 * Temporal's codec-server protocol, for the Temporal Web UI: `POST …/{namespace}/decode` (and
 * `/encode`) with `{ payloads }` in proto JSON. Decrypted payloads hold personal data, so only admins
 * get them; in dev mode the dev server's UI, which sends no token, is let in from this machine.
 * Authorization is checked here rather than by the guard because of that tokenless dev case, and
 * before the body is read.
 */
@ApiExcludeController()
@Controller('temporal-codec')
export class CodecServerController {
  private readonly origins: Set<string>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PAYLOAD_CODEC) private readonly codec: PayloadCodec | null,
    private readonly auth: AuthService,
  ) {
    this.origins = codecOrigins(config);
  }

  @Options(':namespace/:operation')
  @Public()
  @HttpCode(204)
  preflight(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    applyCodecCors(this.origins, request, response);
  }

  @Post(':namespace/decode')
  @Public()
  @HttpCode(200)
  decode(@Param('namespace') namespace: string, @Body() body: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.run(namespace, body, request, response, (codec, payloads) => codec.decode(payloads));
  }

  @Post(':namespace/encode')
  @Public()
  @HttpCode(200)
  encode(@Param('namespace') namespace: string, @Body() body: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.run(namespace, body, request, response, (codec, payloads) => codec.encode(payloads));
  }

  private async run(
    namespace: string,
    body: unknown,
    request: Request,
    response: Response,
    operation: (codec: PayloadCodec, payloads: Payload[]) => Promise<Payload[]>,
  ) {
    // Before anything can fail: the UI reads an error only with the CORS headers on it.
    applyCodecCors(this.origins, request, response);
    await this.authorize(request);
    if (namespace !== this.config.TEMPORAL_NAMESPACE) throw ApiError.notFound('namespace');
    const payloads = bodyPipe.transform(body).payloads.map(payloadFromJson);
    if (!this.codec) return { payloads: payloads.map(payloadToJson) };
    try {
      return { payloads: (await operation(this.codec, payloads)).map(payloadToJson) };
    } catch (error) {
      if (error instanceof UnknownPayloadKeyError) throw new ApiError('VALIDATION_FAILED', API_MESSAGES.admin.payloadKeyUnknown);
      throw new ApiError('VALIDATION_FAILED', API_MESSAGES.admin.payloadUndecryptable);
    }
  }

  private async authorize(request: Request): Promise<void> {
    const authorization = request.headers.authorization;
    if (!authorization && this.config.AUTH_MODE === 'dev' && fromLoopback(request)) return;
    const actor = await this.auth.authenticate(authorization);
    if (actor.role !== 'ADMIN') throw ApiError.forbidden(API_MESSAGES.admin.codecAdminOnly);
  }
}
