import { Module } from '@nestjs/common';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';

/** Loading the organisation and its people; the repositories come from the global DbModule. */
@Module({
  controllers: [OrganisationController],
  providers: [OrganisationService],
})
export class OrganisationApiModule {}
