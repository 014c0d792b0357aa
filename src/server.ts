/** Starts the platform: load config, build the app, seed the demo district on an empty database, listen. */
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { syncShippedCalendar } from './calendar/repository.ts';
import { documentDeps } from './documents/routes.ts';
import { publishDue } from './documents/service.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  }

  const handle = openDatabase(config);
  await migrateToLatest(handle.db);
  await syncShippedCalendar(handle.db);
  const seeded = config.seedDemo ? await seedDemoIfEmpty(handle.db) : null;

  const app = await buildApp(config, { database: handle, migrate: false });
  app.addHook('onClose', () => handle.destroy());

  // A rejected promise nobody awaited belongs to one request or one job, not to the whole platform: log it and go
  // on serving. Exceptions that escape every handler still stop the process (its state is no longer known).
  process.on('unhandledRejection', (reason) => app.log.error({ err: reason }, 'unhandled rejection (process continues)'));
  closeWithGrace({ delay: 10_000, skip: ['unhandledRejection'] }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });

  // Scheduled publications are released by this timer (and by `gongkai publish-due` from cron if preferred).
  const releaseDue = () =>
    publishDue(documentDeps(app.services))
      .then((ids) => ids.length && app.log.info({ ids }, 'scheduled documents published'))
      .catch((err: unknown) => app.log.error({ err }, 'publishing scheduled documents failed'));
  const timer = setInterval(releaseDue, 60_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
  void releaseDue();

  const address = await app.listen({ host: config.host, port: config.port });
  const where = config.database.kind === 'postgres' ? 'PostgreSQL' : `SQLite ${config.database.path}`;
  const lines = [
    '',
    `  政务公开平台已启动 / gongkai is running: ${address.replace('127.0.0.1', 'localhost')}`,
    `  数据库 / database: ${where}`,
    `  工作人员入口 / staff sign-in: ${address.replace('127.0.0.1', 'localhost')}/login`,
  ];
  if (seeded) {
    lines.push('', '  已创建演示数据 / demo data created. 演示账号 / demo accounts (password for all):');
    lines.push(`    密码 / password: ${seeded.password}`);
    for (const account of seeded.accounts) lines.push(`    ${account.username.padEnd(14)} ${account.description}`);
  } else if (app.demoMode) {
    lines.push('', `  演示账号见 README / demo accounts: see README (e.g. admin / ${'Demo2026gk'})`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
