import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run bench`: every benchmark, one process each (so one's heap and JIT do not colour the
 * next); each writes its figures to bench/results/<name>.json.
 */
const BENCHES = ['parse-plan.bench.js', 'ledger-query.bench.js'];

let failed = 0;
for (const bench of BENCHES) {
  console.log(`\n== ${bench}`);
  const run = spawnSync(process.execPath, [join(__dirname, bench)], { stdio: 'inherit', env: process.env });
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
