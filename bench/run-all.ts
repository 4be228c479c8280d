import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BenchResult, resultsDir } from './support/bench-kit';

/**
 * `npm run bench`: every benchmark, one process each (so one's heap and JIT do not colour the
 * next); each writes <results>/<name>.json, and this writes the table <results>/README.md (bench/results,
 * or bench/results/scaled for a BENCH_SCALE below 1).
 * BENCH_SCALE=0.05 shrinks the system benchmarks for a quick check; recorded figures use 1.
 * BENCH_ONLY=fanout,timer-storm runs a subset.
 */
const BENCHES: { file: string; results: string[]; nodeArgs?: string[]; minutes: number }[] = [
  { file: 'parse-plan.bench.js', results: [], minutes: 5 },
  { file: 'ledger-query.bench.js', results: [], minutes: 5 },
  { file: 'ui-pages.bench.js', results: [], minutes: 5 },
  { file: 'read-side.bench.js', results: ['read-side'], minutes: 8 },
  { file: 'sign-off-latency.bench.js', results: ['sign-off-latency'], minutes: 12 },
  { file: 'timer-storm.bench.js', results: ['timer-storm'], minutes: 45 },
  { file: 'fanout.bench.js', results: ['fanout', 'footprint'], nodeArgs: ['--expose-gc'], minutes: 30 },
];
const TABLE_ORDER = ['fanout', 'sign-off-latency', 'timer-storm', 'read-side', 'footprint'];

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
let failed = 0;
const startedAll = Date.now();
for (const bench of BENCHES) {
  const name = bench.file.replace('.bench.js', '');
  if (only && !only.includes(name)) continue;
  console.log(`\n== ${bench.file} (${Math.round((Date.now() - startedAll) / 1000)} s into the run)`);
  const run = spawnSync(process.execPath, [...(bench.nodeArgs ?? []), join(__dirname, bench.file)], {
    stdio: 'inherit',
    env: process.env,
    timeout: bench.minutes * 60_000,
    killSignal: 'SIGTERM',
  });
  if (run.status !== 0) {
    failed++;
    console.log(`== ${bench.file} FAILED (${run.error?.message ?? `exit ${run.status ?? run.signal}`})`);
  }
}
writeSummary();
console.log(
  `\n== all done in ${Math.round((Date.now() - startedAll) / 1000)} s; ${failed} failed; table: ${relative(process.cwd(), join(resultsDir(), 'README.md'))}`,
);
process.exit(failed === 0 ? 0 : 1);

/** The Markdown table of every system benchmark's last figures. */
function writeSummary(): void {
  const dir = resultsDir();
  const rows: string[] = [];
  const notes: string[] = [];
  let header = '';
  for (const name of TABLE_ORDER) {
    const file = join(dir, `${name}.json`);
    if (!existsSync(file)) continue;
    const r = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
    header ||= `Measured ${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC on ${r.machine.cpus} CPUs, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}.`;
    const scale = r.scale === 1 ? '' : ` (BENCH_SCALE=${r.scale}, not a recorded figure)`;
    for (const f of r.figures) {
      const floor = f.floor === undefined ? '—' : `${f.floor} ${f.unit}`;
      const ratio = f.ratio === undefined ? '—' : `×${f.ratio}`;
      const target = f.target ? `${f.target.comparator} ${f.target.value}` : '—';
      const verdict = f.pass === undefined ? '—' : f.pass ? 'pass' : '**miss**';
      rows.push(
        `| ${r.title}${scale} | ${f.name} | ${f.value} ${f.unit} | ${floor} | ${ratio} | ${target} | ${verdict} |`,
      );
    }
    notes.push(`- **${r.bench}**: ${r.notes.join(' ')}`);
  }
  const text = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run-all.ts) from bench/results/*.json. Every system benchmark starts its own',
    'Temporal dev server, embedded PostgreSQL, worker and API processes, and measures in the same run a no-op',
    'workflow on the same server (the floor); ratio = value / floor.',
    '',
    header,
    '',
    '| benchmark | figure | value | floor | ratio | target | verdict |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '## Notes',
    '',
    ...notes,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'README.md'), text);
}
