import { Module } from '@nestjs/common';
import { StatisticsRepository } from '../../../libs/db/statistics.repository';
import { CalendarApiModule } from '../calendar/calendar-api.module';
import { StatisticsController, StatisticsWorkbookController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

/** The year's figures, in JSON and in Excel, counted by the database. */
@Module({
  imports: [CalendarApiModule],
  controllers: [StatisticsController, StatisticsWorkbookController],
  providers: [StatisticsService, StatisticsRepository],
})
export class StatisticsApiModule {}
