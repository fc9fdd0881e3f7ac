import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaClient } from './generated/client';

// The server cancels a slow statement itself, leaving the connection usable; the client gives up a
// little later, for a server or network that stopped answering (and for PGlite, which ignores statement_timeout).
const CLIENT_GRACE_MS = 1000;

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      adapter: new PrismaPg({
        connectionString: config.DATABASE_URL,
        max: config.DATABASE_POOL_MAX,
        // Bounds both opening a connection and waiting for a free one in a full pool.
        connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT,
        statement_timeout: config.DATABASE_STATEMENT_TIMEOUT,
        query_timeout: config.DATABASE_STATEMENT_TIMEOUT + CLIENT_GRACE_MS,
      }),
      // A burst waits its turn in the pool's queue: a transaction as long as a single query (Prisma's own
      // 2 s would refuse transactions with 503 while queries still wait), and 503 only once that has passed.
      transactionOptions: { maxWait: config.DATABASE_CONNECT_TIMEOUT },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
