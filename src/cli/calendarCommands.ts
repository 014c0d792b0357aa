/** CLI: `gongkai calendar add <date> <n>`, `is-working-day <date>`, `between <from> <to>`, `years`. */
import type { Command } from 'commander';
import { listCalendarYears, loadWorkingCalendar } from '../calendar/repository.ts';
import { withDatabase, type CliIo } from './main.ts';

export function registerCalendarCommands(program: Command, io: CliIo, setCode: (c: number) => void): void {
  const calendar = program.command('calendar').description('工作日历 / working-day calendar');

  calendar
    .command('add <date> <n>')
    .description('日期之后第 N 个工作日（当日不计入）/ the date N working days after <date>')
    .action(async (date: string, n: string) => {
      if (!/^\d+$/.test(n)) {
        io.err('错误：工作日数须为非负整数。');
        return setCode(1);
      }
      await withDatabase(io, async ({ db }) => {
        const cal = await loadWorkingCalendar(db);
        io.out(cal.addWorkingDays(date, Number(n)));
      });
    });

  calendar
    .command('is-working-day <date>')
    .description('是否为工作日，输出 true 或 false / prints true or false')
    .action(async (date: string) => {
      await withDatabase(io, async ({ db }) => {
        const cal = await loadWorkingCalendar(db);
        io.out(String(cal.isWorkingDay(date)));
      });
    });

  calendar
    .command('between <from> <to>')
    .description('两日期之间的工作日数（起始日不计入）/ working days after <from> up to <to>')
    .action(async (from: string, to: string) => {
      await withDatabase(io, async ({ db }) => {
        const cal = await loadWorkingCalendar(db);
        io.out(String(cal.workingDaysBetween(from, to)));
      });
    });

  calendar
    .command('years')
    .description('已有数据的年份 / years with holiday data')
    .action(async () => {
      await withDatabase(io, async ({ db }) => {
        for (const y of await listCalendarYears(db)) io.out(`${y.year}\t${y.source}\t(${y.origin}, v${y.version})`);
      });
    });
}
