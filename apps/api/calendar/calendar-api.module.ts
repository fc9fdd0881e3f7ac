import { Module } from '@nestjs/common';
import { CalendarService } from '../../../libs/calendar/calendar.service';
import { CalendarController } from './calendar.controller';

@Module({
  controllers: [CalendarController],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarApiModule {}
