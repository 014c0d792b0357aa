/**
 * `gongkai` — operations from the command line: migrate, create the first administrator, seed demo data,
 * verify the audit chain, and the working-day calendar. Each command prints plainly and exits non-zero on failure.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { syncShippedCalendar } from '../calendar/repository.ts';
import { AppError } from '../platform/errors.ts';
import { registerAdminCommands } from './adminCommands.ts';
import { registerCalendarCommands } from './calendarCommands.ts';
import { registerPrivacyCommands } from './privacyCommands.ts';
import { registerImportCommands } from './importCommands.ts';

/** The I/O the commands use; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** opens the configured database, migrated and with the shipped calendar synced */
  open(): Promise<DatabaseHandle>;
}

function defaultIo(): CliIo {
  return {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    async open() {
      const handle = openDatabase(loadConfig());
      await migrateToLatest(handle.db);
      await syncShippedCalendar(handle.db);
      return handle;
    },
  };
}

/** Run the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const program = new Command()
    .name('gongkai')
    .description('政务公开平台运维命令 / gongkai operations')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  let code = 0;
  const setCode = (c: number) => {
    code = c;
  };
  registerAdminCommands(program, io, setCode);
  registerCalendarCommands(program, io, setCode);
  registerPrivacyCommands(program, io, setCode);
  registerImportCommands(program, io, setCode);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof AppError || err instanceof ConfigError) {
      io.err(`错误：${err.message}`);
      return 1;
    }
    io.err(`错误：${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

/** Open the database, run `fn`, always close. */
export async function withDatabase<T>(io: CliIo, fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await io.open();
  try {
    return await fn(handle);
  } finally {
    await handle.destroy();
  }
}
