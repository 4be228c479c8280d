import { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarStore } from '@duban/persistence/calendar/calendar-store';

/** One calendar table reader/writer per process: its cache is shared by imports, pages and edits. */
export const calendarStoreProvider: Provider = {
  provide: CalendarStore,
  useFactory: (db: DataSource) => new CalendarStore(db),
  inject: [getDataSourceToken()],
};
