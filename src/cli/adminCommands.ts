/** CLI: migrate, create-admin, seed-demo, audit verify. */
import type { Command } from 'commander';
import { appendAudit, verifyAuditChain } from '../audit/repository.ts';
import { hashPassword, passwordSchema } from '../auth/password.ts';
import { seedDemoIfEmpty } from '../demo/seed.ts';
import { findStaffByUsername, grantRole, insertStaff } from '../staff/repository.ts';
import { nowIso } from '../platform/time.ts';
import { CalendarService } from '../calendar/service.ts';
import { publishDue } from '../documents/service.ts';
import { loadConfig } from '../config.ts';
import { withDatabase, type CliIo } from './main.ts';

export function registerAdminCommands(program: Command, io: CliIo, setCode: (c: number) => void): void {
  program
    .command('migrate')
    .description('运行数据库迁移 / run database migrations')
    .action(async () => {
      await withDatabase(io, async () => undefined);
      io.out('数据库已是最新结构 / database is up to date');
    });

  program
    .command('create-admin')
    .description('创建系统管理员 / create a platform administrator')
    .requiredOption('--username <username>', '用户名')
    .requiredOption('--name <displayName>', '姓名')
    .option('--password <password>', '密码（也可通过环境变量 GONGKAI_ADMIN_PASSWORD 提供）')
    .option('--org-name <name>', '若尚无任何单位，创建的区人民政府名称', '区人民政府')
    .option('--org-code <code>', '若尚无任何单位，创建的区人民政府编码', 'QZF')
    .action(async (opts: { username: string; name: string; password?: string; orgName: string; orgCode: string }) => {
      const password = opts.password ?? process.env.GONGKAI_ADMIN_PASSWORD ?? '';
      const check = passwordSchema.safeParse(password);
      if (!check.success) {
        io.err(`错误：${check.error.issues[0]?.message ?? '密码不符合要求。'}`);
        return setCode(1);
      }
      if (!/^[a-z0-9_.-]{3,32}$/i.test(opts.username)) {
        io.err('错误：用户名须为3至32位字母、数字、下划线、点或连字符。');
        return setCode(1);
      }
      await withDatabase(io, async ({ db }) => {
        if (await findStaffByUsername(db, opts.username)) {
          io.err(`错误：用户名 ${opts.username} 已存在。`);
          return setCode(1);
        }
        const hash = await hashPassword(password);
        await db.transaction().execute(async (trx) => {
          const actor = { id: null, name: '命令行 create-admin', ip: null };
          let root = await trx
            .selectFrom('organizations')
            .select('id')
            .where('kind', '=', 'government')
            .where('parent_id', 'is', null)
            .where('active', '=', 1)
            .orderBy('id')
            .executeTakeFirst();
          if (!root) {
            const now = nowIso();
            root = await trx
              .insertInto('organizations')
              .values({
                parent_id: null, kind: 'government', name: opts.orgName, short_name: null, code: opts.orgCode,
                sort_order: 0, active: 1, office_name: null, office_address: null, office_postcode: null,
                office_hours: null, office_phone: null, office_fax: null, office_email: null, created_at: now, updated_at: now,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            await appendAudit(trx, actor, {
              action: 'organization.created', entityType: 'organization', entityId: root.id, orgId: root.id,
              after: { name: opts.orgName, code: opts.orgCode, kind: 'government' },
            });
          }
          const staffId = await insertStaff(trx, {
            username: opts.username, displayName: opts.name, passwordHash: hash, mustChangePassword: false,
          });
          await grantRole(trx, staffId, root.id, 'admin');
          await appendAudit(trx, actor, {
            action: 'staff.created', entityType: 'staff', entityId: staffId, orgId: root.id,
            after: { username: opts.username.toLowerCase(), display_name: opts.name, role: 'admin' },
          });
        });
        io.out(`已创建系统管理员 ${opts.username.toLowerCase()} / administrator created`);
      });
    });

  program
    .command('seed-demo')
    .description('向空数据库写入演示数据 / seed the demo district into an empty database')
    .action(async () => {
      await withDatabase(io, async ({ db }) => {
        const result = await seedDemoIfEmpty(db);
        if (!result) {
          io.out('数据库已有单位数据，未写入演示数据 / database not empty: nothing seeded');
          return;
        }
        io.out(`已写入演示数据，所有演示账号的密码：${result.password}`);
        for (const a of result.accounts) io.out(`  ${a.username}\t${a.description}`);
      });
    });

  program
    .command('publish-due')
    .description('发布到期的定时发布信息 / release scheduled documents whose time has come')
    .action(async () => {
      await withDatabase(io, async ({ db }) => {
        const calendar = new CalendarService(db);
        await calendar.reload();
        const ids = await publishDue({ db, calendar, indexNumberFormat: loadConfig().indexNumberFormat, onPublicChange: () => undefined });
        io.out(ids.length ? `已发布 ${ids.length} 条：${ids.join('、')}` : '没有到期的定时发布信息');
      });
    });

  const audit = program.command('audit').description('审计日志 / audit log');
  audit
    .command('verify')
    .description('核验审计日志哈希链 / verify the audit hash chain')
    .action(async () => {
      await withDatabase(io, async ({ db }) => {
        const result = await verifyAuditChain(db);
        if (result.ok) {
          io.out(`审计日志完整：已核验 ${result.checked} 条记录 / audit chain intact (${result.checked} entries)`);
        } else {
          io.err(
            `审计日志被篡改：第一条异常记录编号 ${result.firstBroken!.id}（${result.firstBroken!.reason}）；此前 ${result.checked} 条完好。` +
              ` / audit chain broken at entry ${result.firstBroken!.id}`,
          );
          setCode(2);
        }
      });
    });
}
