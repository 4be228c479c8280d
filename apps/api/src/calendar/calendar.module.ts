import { Module } from '@nestjs/common';
import { CalendarReplanner } from './calendar-replanner';
import { calendarStoreProvider } from './calendar-store.provider';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** The workday calendar as managed data: years, notices entered by admins, re-planning of tasks. */
@Module({
  controllers: [CalendarController],
  providers: [calendarStoreProvider, CalendarReplanner, CalendarService],
  exports: [calendarStoreProvider, CalendarService],
})
export class CalendarModule {}
