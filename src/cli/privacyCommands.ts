/** CLI: `gongkai privacy-scan <file>` — the personal-information scan of one file, one JSON finding per line. */
import type { Command } from 'commander';
import { AppError } from '../platform/errors.ts';
import { needsManualCheck, scanFile } from '../privacy/scanFile.ts';
import type { CliIo } from './main.ts';

function readError(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `错误：文件“${file}”不存在。`;
  if (code === 'EISDIR') return `错误：“${file}”是目录，不是文件。`;
  if (code === 'EACCES' || code === 'EPERM') return `错误：没有权限读取文件“${file}”。`;
  if (err instanceof AppError) return `错误：${err.message}`;
  return `错误：无法读取文件“${file}”。`;
}

export function registerPrivacyCommands(program: Command, io: CliIo, setCode: (c: number) => void): void {
  program
    .command('privacy-scan <file>')
    .description(
      '检查文件中的身份证号、手机号、银行卡号、电子邮箱，每行输出一条 JSON（仅含遮盖后的值）/ scan a file for personal information',
    )
    .action(async (file: string) => {
      let scan;
      try {
        scan = await scanFile(file);
      } catch (err) {
        io.err(readError(file, err));
        return setCode(1);
      }
      // Never the value itself: the output ends up in terminals, logs and tickets.
      for (const f of scan.findings) io.out(JSON.stringify({ kind: f.kind, masked: f.masked, start: f.start, end: f.end }));
      if (needsManualCheck(scan.format)) io.err('提示：图片中的文字无法自动检查，请人工核对。');
      // Findings are the normal result of a scan, not a failure: exit 0 either way.
      setCode(0);
    });
}
