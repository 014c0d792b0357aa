/**
 * The platform's working-day calendar: loaded from the database into memory once, reloaded after an
 * administrator enters or changes a year. Deadline code asks `current()` for a synchronous WorkingCalendar.
 */
import type { Db } from '../db/database.ts';
import { loadWorkingCalendar } from './repository.ts';
import type { WorkingCalendar } from './workingCalendar.ts';

export class CalendarService {
  private calendar: WorkingCalendar | null = null;

  constructor(private readonly db: Db) {}

  /** Re-read the calendar from the database (after startup sync or an admin change). */
  async reload(): Promise<WorkingCalendar> {
    this.calendar = await loadWorkingCalendar(this.db);
    return this.calendar;
  }

  /** The calendar in force. */
  current(): WorkingCalendar {
    if (!this.calendar) throw new Error('CalendarService used before reload()');
    return this.calendar;
  }
}
