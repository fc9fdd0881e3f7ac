import { Module } from '@nestjs/common';
import { EligibilityService } from '../../../libs/eligibility/eligibility.service';
import { AwardHistoryController } from './award-history.controller';
import { HoldsController } from './holds.controller';

/**
 * Award history, holds, and the eligibility check the nominations service runs at submission;
 * the repositories come from the global DbModule.
 */
@Module({
  controllers: [AwardHistoryController, HoldsController],
  providers: [EligibilityService],
  exports: [EligibilityService],
})
export class EligibilityApiModule {}
