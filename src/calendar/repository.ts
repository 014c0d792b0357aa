/**
 * Storage of the working-day calendar (tables calendar_years, calendar_days). Plain functions over a Kysely
 * executor — the database or a transaction the caller owns. Portable SQL only: runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';
import type { CalendarDayKind, Database } from '../db/schema.ts';
import { nowIso, type LocalDate } from '../platform/time.ts';
import { SHIPPED_YEARS } from './data/shipped.ts';
import type { CalendarDay, CalendarOrigin, YearArrangement } from './types.ts';
import { WorkingCalendar } from './workingCalendar.ts';

/** The database or a transaction (Transaction<Database> is a Kysely<Database>). */
export type Executor = Kysely<Database>;

/** A stored year, with how many exception days of each kind it has. */
export interface CalendarYearSummary {
  year: number;
  source: string;
  origin: CalendarOrigin;
  version: number;
  updated_at: string;
  holiday_count: number;
  workday_count: number;
}

/** A stored year with its exception days, sorted by date. */
export interface CalendarYearDetail {
  year: number;
  source: string;
  origin: CalendarOrigin;
  version: number;
  updated_at: string;
  days: CalendarDay[];
}

function asOrigin(origin: string): CalendarOrigin {
  return origin === 'shipped' ? 'shipped' : 'admin';
}

/** Build the in-memory calendar from every stored year; reuse the result, it is the hot-path object. */
export async function loadWorkingCalendar(db: Executor): Promise<WorkingCalendar> {
  const years = await db.selectFrom('calendar_years').select('year').execute();
  const days = await db.selectFrom('calendar_days').select(['date', 'kind']).execute();
  return new WorkingCalendar(
    years.map((r) => Number(r.year)),
    new Map<LocalDate, CalendarDayKind>(days.map((d) => [d.date, d.kind])),
  );
}

/** Every stored year, oldest first, with counts of holidays and working weekend days. */
export async function listCalendarYears(db: Executor): Promise<CalendarYearSummary[]> {
  const years = await db
    .selectFrom('calendar_years')
    .select(['year', 'source', 'origin', 'version', 'updated_at'])
    .orderBy('year')
    .execute();
  const counts = await db
    .selectFrom('calendar_days')
    .select(['year', 'kind', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['year', 'kind'])
    .execute();
  const countOf = new Map<string, number>();
  // PostgreSQL returns count(*) as a string (bigint); SQLite as a number.
  for (const c of counts) countOf.set(`${Number(c.year)}:${c.kind}`, Number(c.n));
  return years.map((y) => ({
    year: Number(y.year),
    source: y.source,
    origin: asOrigin(y.origin),
    version: Number(y.version),
    updated_at: y.updated_at,
    holiday_count: countOf.get(`${Number(y.year)}:holiday`) ?? 0,
    workday_count: countOf.get(`${Number(y.year)}:workday`) ?? 0,
  }));
}

/** One stored year with its days, or undefined when the year has no arrangement. */
export async function getCalendarYear(db: Executor, year: number): Promise<CalendarYearDetail | undefined> {
  const row = await db
    .selectFrom('calendar_years')
    .select(['year', 'source', 'origin', 'version', 'updated_at'])
    .where('year', '=', year)
    .executeTakeFirst();
  if (!row) return undefined;
  const days = await db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('year', '=', year)
    .orderBy('date')
    .execute();
  return {
    year: Number(row.year),
    source: row.source,
    origin: asOrigin(row.origin),
    version: Number(row.version),
    updated_at: row.updated_at,
    days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
  };
}

/**
 * Store a validated arrangement (validateYearArrangement) as the whole of its year: the year row is upserted with
 * version + 1 (1 when new) and the year's days are replaced. Run it inside a transaction the caller owns, so the
 * audit entry and any recomputed deadlines commit together with it. Returns the new version.
 */
export async function replaceCalendarYear(
  trx: Executor,
  arrangement: YearArrangement,
  origin: CalendarOrigin,
  now: string = nowIso(),
): Promise<number> {
  const { year } = arrangement;
  // Days outside the year would be attached to the wrong year row and survive the next replace.
  for (const d of arrangement.days) {
    if (Number(d.date.slice(0, 4)) !== year) throw new RangeError(`Calendar day ${d.date} is not in ${year}`);
  }
  // Upsert first: it takes the row lock on PostgreSQL, so concurrent replaces of one year serialise and each
  // gets its own version; it also must exist before the days that reference it.
  const row = await trx
    .insertInto('calendar_years')
    .values({ year, source: arrangement.source, origin, version: 1, updated_at: now })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet((eb) => ({
        source: eb.ref('excluded.source'),
        origin: eb.ref('excluded.origin'),
        updated_at: eb.ref('excluded.updated_at'),
        version: eb(eb.ref('calendar_years.version'), '+', 1),
      })),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  await trx.deleteFrom('calendar_days').where('year', '=', year).execute();
  if (arrangement.days.length > 0) {
    await trx
      .insertInto('calendar_days')
      .values(arrangement.days.map((d) => ({ date: d.date, year, kind: d.kind, name: d.name })))
      .execute();
  }
  return Number(row.version);
}

/**
 * Insert every shipped year (data/shipped.ts) that the table does not have yet, with origin 'shipped'. A year
 * already stored — in particular one an administrator entered or corrected — is never overwritten.
 * Returns the years added, ascending. Safe to run at every start-up and from concurrent processes.
 */
export async function syncShippedCalendar(db: Executor, now: string = nowIso()): Promise<number[]> {
  const run = async (trx: Executor): Promise<number[]> => {
    const added: number[] = [];
    for (const shipped of SHIPPED_YEARS) {
      // ON CONFLICT DO NOTHING rather than a prior SELECT: two processes starting together cannot both insert.
      const inserted = await trx
        .insertInto('calendar_years')
        .values({ year: shipped.year, source: shipped.source, origin: 'shipped', version: 1, updated_at: now })
        .onConflict((oc) => oc.column('year').doNothing())
        .returning('year')
        .executeTakeFirst();
      if (!inserted) continue;
      await trx
        .insertInto('calendar_days')
        .values(shipped.days.map((d) => ({ date: d.date, year: shipped.year, kind: d.kind, name: d.name })))
        .execute();
      added.push(shipped.year);
    }
    return added;
  };
  // A year row without its days would be a covered year computed as plain Monday–Friday: all or nothing.
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
