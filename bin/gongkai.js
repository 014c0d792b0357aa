#!/usr/bin/env node
// The `gongkai` operations CLI. Loads TypeScript sources through tsx so no build step is needed.
import { register } from 'tsx/esm/api';

// `gongkai … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
