/**
 * `npm run bench`: import throughput and public-page throughput, printed as tables. Runs on loopback only, in a
 * temporary directory that is removed afterwards. DATABASE_URL adds a PostgreSQL import run (in a throwaway schema).
 * BENCH_DURATION (seconds per load run, default 10) and BENCH_CONNECTIONS (default 50) tune the HTTP part.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runHttpBench } from './httpBench.ts';
import { CORPUS, runImportBench } from './importBench.ts';

const durationSeconds = Math.min(Math.max(Number(process.env.BENCH_DURATION ?? 10) || 10, 1), 30);
const connections = Math.min(Math.max(Number(process.env.BENCH_CONNECTIONS ?? 50) || 50, 1), 500);

function table(head: string[], rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' | ') + ' |';
  return [line(head), '| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |', ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.error(`找不到共享语料库：${CORPUS}（基准测试需要它）`);
    process.exitCode = 1;
    return;
  }
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`gongkai bench — Node ${process.version}, ${cpus().length} CPU（${cpus()[0]?.model ?? '?'}），系统负载 ${load()}`);
  try {
    console.log('\n## 导入吞吐量 / import throughput\n');
    const imports = await runImportBench(dir, process.env.DATABASE_URL);
    console.log(
      table(
        ['导入', '文件数', '秒', '文件/秒', 'RSS（MB）'],
        imports.map((f) => [f.label, String(f.documents), f.seconds.toFixed(1), f.perSecond.toFixed(0), f.rssMb.toFixed(0)]),
      ),
    );

    console.log(`\n## 公开页面 / public pages — ${connections} 并发连接，每项 ${durationSeconds} 秒（分两半交替测量；压测端在独立线程）\n`);
    const http = await runHttpBench(dir, { connections, durationSeconds });
    console.log(`已导入 ${http.documents} 份文件；导入后进程 RSS ${http.rssAfterImportMb.toFixed(0)} MB\n`);
    const rows: string[][] = [];
    for (const f of http.figures) {
      const ratio = f.bare.rps > 0 ? f.app.rps / f.bare.rps : 0;
      rows.push([`${f.route} ${f.path}`, '平台', f.app.rps.toFixed(0), String(f.app.p99), String(f.app.non2xx + f.app.errors), `${(ratio * 100).toFixed(0)}%`]);
      rows.push([`（${(f.bytes / 1024).toFixed(1)} KB）`, '裸 node:http', f.bare.rps.toFixed(0), String(f.bare.p99), String(f.bare.non2xx + f.bare.errors), '100%']);
    }
    console.log(table(['页面', '服务器', '请求/秒（均值）', 'p99 延迟（ms）', '非2xx/错误', '平台/裸服务器'], rows));
    const low = http.figures.filter((f) => f.app.rps < f.bare.rps / 2);
    console.log(low.length ? `\n低于裸服务器一半：${low.map((f) => f.route).join('、')}` : '\n所有页面都达到裸服务器速率的一半以上。');
    console.log(`\n总用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒；RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB；系统负载 ${load()}`);
    console.log('（同一台机器上的其他进程会影响数字：平台与裸服务器交替测量，比例比绝对值可靠。）');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
