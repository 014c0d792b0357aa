/** CLI: `gongkai import <file> [--org CODE] [--update] [--source NAME]` — bring in an existing document library. */
import type { Command } from 'commander';
import { FileBlobStore } from '../attachments/storage.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { importFile } from '../import/importer.ts';
import { ImportError, type ImportSummary } from '../import/types.ts';
import { withDatabase, type CliIo } from './main.ts';

/** The CLI's I/O, optionally with the config (tests pass one; the real CLI reads the environment). */
export type ImportIo = CliIo & { config?: () => Pick<Config, 'filesDir' | 'indexNumberFormat'> };

const PROGRESS_EVERY = 500;

async function resolveOrg(db: Db, code: string | undefined): Promise<{ id: number; code: string } | string> {
  if (code) {
    const org = await db.selectFrom('organizations').select(['id', 'code', 'active']).where('code', '=', code).executeTakeFirst();
    if (!org) return `找不到编码为 ${code} 的单位。`;
    if (org.active !== 1) return `单位 ${code} 已停用，不能导入。`;
    return { id: org.id, code: org.code };
  }
  const root = await db
    .selectFrom('organizations')
    .select(['id', 'code'])
    .where('kind', '=', 'government')
    .where('parent_id', 'is', null)
    .where('active', '=', 1)
    .orderBy('id')
    .executeTakeFirst();
  return root ?? '尚无区人民政府：请先运行 create-admin 或 seed-demo，或用 --org 指定单位编码。';
}

/** The summary lines printed on stdout. */
export function summaryLines(s: ImportSummary, orgCode: string): string[] {
  const seconds = s.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(s.read / seconds) : s.read;
  const lines = [
    `导入完成：${s.file}（${s.format === 'csv' ? 'CSV' : 'JSON Lines'}，导入单位 ${orgCode}）`,
    `读取 ${s.read} 条，新增 ${s.created} 条，更新 ${s.updated} 条，跳过 ${s.skipped} 条（已导入），失败 ${s.failed.length} 条`,
    `用时 ${seconds.toFixed(1)} 秒，平均每秒 ${rate} 条`,
  ];
  if (s.failed.length) lines.push('失败明细：', ...s.failed.map((f) => `第${f.line}行：${f.message}`));
  return lines;
}

export function registerImportCommands(program: Command, io: ImportIo, setCode: (c: number) => void): void {
  program
    .command('import <file>')
    .description('导入已有的政府信息库（JSON Lines 或 CSV，格式见 docs/IMPORT.md）/ import an existing document library')
    .option('--org <code>', '导入到的单位编码（默认：区人民政府）')
    .option('--update', '已导入的文件内容有变化时更新（默认跳过已导入的文件）', false)
    .option('--source <name>', 'CSV：原系统名称，原系统编号在其范围内唯一', 'csv')
    .option('--format <format>', 'jsonl 或 csv（默认按扩展名判断）')
    .action(async (file: string, opts: { org?: string; update: boolean; source: string; format?: string }) => {
      if (opts.format && opts.format !== 'jsonl' && opts.format !== 'csv') {
        io.err('错误：--format 只能为 jsonl 或 csv。');
        return setCode(1);
      }
      const config = io.config ? io.config() : loadConfig();
      await withDatabase(io, async ({ db }) => {
        const org = await resolveOrg(db, opts.org);
        if (typeof org === 'string') {
          io.err(`错误：${org}`);
          return setCode(1);
        }
        const tty = Boolean(process.stderr.isTTY);
        let printed = 0;
        const endLine = () => {
          if (tty && printed > 0) process.stderr.write('\n');
        };
        const progress = (s: ImportSummary) => {
          // small files finish before there is anything worth reporting
          if (s.read < PROGRESS_EVERY) return;
          if (tty) {
            printed = 1;
            process.stderr.write(`\r已处理 ${s.read} 条（新增 ${s.created}，跳过 ${s.skipped}，失败 ${s.failed.length}）…`);
          } else if (Math.floor(s.read / PROGRESS_EVERY) > printed) {
            printed = Math.floor(s.read / PROGRESS_EVERY);
            io.err(`已处理 ${s.read} 条…`);
          }
        };
        try {
          const summary = await importFile(db, file, {
            org,
            update: opts.update,
            source: opts.source,
            format: opts.format as 'jsonl' | 'csv' | undefined,
            indexFormat: config.indexNumberFormat,
            blobStore: new FileBlobStore(config.filesDir),
            actor: { id: null, name: '命令行 import', ip: null },
            onProgress: progress,
          });
          endLine();
          for (const line of summaryLines(summary, org.code)) io.out(line);
        } catch (err) {
          endLine();
          if (!(err instanceof ImportError)) throw err;
          io.err(`错误：${err.message}`);
          setCode(1);
        }
      });
    });
}
