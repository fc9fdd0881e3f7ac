import { Global, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { CorrelationClientInterceptor } from './correlation.client-interceptor';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [APP_CONFIG],
      // Lazy: the API starts (and reports Temporal as down in /api/health) even while the server is away.
      useFactory: (config: AppConfig) =>
        new Client({
          connection: Connection.lazy({ address: config.TEMPORAL_ADDRESS }),
          namespace: config.TEMPORAL_NAMESPACE,
          // Carries the request's correlation id to the workflow, and from it to every activity it causes.
          interceptors: { workflow: [new CorrelationClientInterceptor()] },
        }),
    },
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalModule implements OnModuleDestroy {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onModuleDestroy(): Promise<void> {
    await this.client.connection.close();
  }
}
