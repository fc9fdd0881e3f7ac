import { Global, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { dataConverterWith } from '../../../libs/codec/data-converter';
import { EncryptionCodec } from '../../../libs/codec/encryption-codec';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { temporalConnectionOptions } from '../../../libs/config/temporal-connection';
import { CorrelationClientInterceptor } from './correlation.client-interceptor';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
/** The payload codec of the client, shared with the codec server; null when no PAYLOAD_KEYS are configured. */
export const PAYLOAD_CODEC = Symbol('PAYLOAD_CODEC');

@Global()
@Module({
  providers: [
    {
      provide: PAYLOAD_CODEC,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.PAYLOAD_KEYS?.length ? new EncryptionCodec(config.PAYLOAD_KEYS) : null),
    },
    {
      provide: TEMPORAL_CLIENT,
      inject: [APP_CONFIG, PAYLOAD_CODEC],
      // Lazy: the API starts (and reports Temporal as down in /api/health) even while the server is away.
      useFactory: (config: AppConfig, codec: EncryptionCodec | null) =>
        new Client({
          connection: Connection.lazy(temporalConnectionOptions(config)),
          namespace: config.TEMPORAL_NAMESPACE,
          // Inputs, update arguments, memo, the UI's summary and failure messages leave the API encrypted: they hold personal data.
          dataConverter: dataConverterWith(codec),
          // Carries the request's correlation id to the workflow, and from it to every activity it causes.
          interceptors: { workflow: [new CorrelationClientInterceptor()] },
        }),
    },
  ],
  exports: [TEMPORAL_CLIENT, PAYLOAD_CODEC],
})
export class TemporalModule implements OnModuleDestroy {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onModuleDestroy(): Promise<void> {
    await this.client.connection.close();
  }
}
