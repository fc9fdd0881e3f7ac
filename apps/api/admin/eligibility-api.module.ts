import { Module } from '@nestjs/common';
import { EligibilityService } from '../../../libs/eligibility/eligibility.service';
import { AwardHistoryController } from './award-history.controller';

/**
 * Award history and the eligibility check a submission runs;
 * the repositories come from the global DbModule.
 */
@Module({
  controllers: [AwardHistoryController],
  providers: [EligibilityService],
  exports: [EligibilityService],
})
export class EligibilityApiModule {}
