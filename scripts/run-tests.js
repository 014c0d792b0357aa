#!/usr/bin/env node
// Runs node's test runner (through tsx) over the project's test files. `unit` = *.test.ts under src/ and test/
// (except test/e2e); `e2e` = test/e2e/*.e2e.ts (browser tests). Extra arguments are passed to node --test.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const kind = process.argv[2] ?? 'unit';
const extra = process.argv.slice(3);

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const files =
  kind === 'e2e'
    ? walk('test/e2e').filter((f) => f.endsWith('.e2e.ts'))
    : [...walk('src'), ...walk('test')].filter((f) => f.endsWith('.test.ts') && !f.startsWith(join('test', 'e2e')));

if (files.length === 0) {
  console.error(`no ${kind} test files found`);
  process.exit(1);
}
files.sort();
const args = ['--import', 'tsx', '--test', '--test-reporter=spec', ...(kind === 'e2e' ? ['--test-concurrency=1'] : []), ...extra, ...files];
const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } });
process.exit(result.status ?? 1);
