import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { loadDecisionSigner } from '../../../libs/award-decisions/decision-signer';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { AwardDecisionsController } from './award-decisions.controller';
import { AwardDecisionsService, DECISION_SIGNER } from './award-decisions.service';
import { PublicAwardsController } from './public-awards.controller';

/** Where the self-signed test certificate is kept when no authority's key is configured. */
const TEST_P12 = join(process.cwd(), '.data', 'signing', 'test-signer.p12');

/** Award decisions: drafted, numbered, signed, revoked; their certificates; the public lookup. */
@Module({
  controllers: [AwardDecisionsController, PublicAwardsController],
  providers: [
    AwardDecisionsService,
    // Read when the API starts, so that a key it cannot open stops the start, naming the variable.
    { provide: DECISION_SIGNER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadDecisionSigner(config, TEST_P12) },
  ],
})
export class AwardDecisionsApiModule {}
