import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { syntheticPlan } from '../parse-plan-synthetic';

/** Shared pieces of the system benchmarks: size scaling, percentiles, result files, progress lines. */

const FIXTURE = join('libs', 'workplan', 'fixtures', 'xinjian-2021-workplan.txt');

/** The repository root: the first directory up from here (dist/bench/support or bench/support) holding the fixture. */
export function repoRoot(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, FIXTURE)) && existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`cannot find ${FIXTURE} above ${__dirname}`);
}

/** BENCH_SCALE (default 1) shrinks every size for a quick check; recorded figures come from 1. */
export function benchScale(): number {
  const raw = process.env.BENCH_SCALE ?? '1';
  const scale = Number(raw);
  if (!(scale > 0 && scale <= 1)) throw new Error(`BENCH_SCALE=${raw}: expected a number in (0, 1]`);
  return scale;
}

export function scaled(full: number, minimum = 1): number {
  return Math.max(minimum, Math.round(full * benchScale()));
}

export function log(bench: string, message: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${bench}: ${message}`);
}

export interface Percentiles {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length === 0 ? NaN : round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]);
  return { samples: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** One figure of a benchmark: our value, the no-op floor measured in the same run, and the target. */
export interface Figure {
  name: string;
  unit: string;
  value: number;
  floor?: number;
  /** value / floor, rounded. */
  ratio?: number;
  target?: { comparator: '>=' | '<=' | '='; value: number };
  pass?: boolean;
}

export function figure(name: string, unit: string, value: number, floor?: number, target?: Figure['target']): Figure {
  const f: Figure = { name, unit, value };
  if (floor !== undefined && Number.isFinite(floor)) {
    f.floor = floor;
    f.ratio = floor === 0 ? undefined : round(value / floor, 2);
  }
  if (target) {
    f.target = target;
    f.pass =
      target.comparator === '>='
        ? value >= target.value
        : target.comparator === '<='
          ? value <= target.value
          : value === target.value;
  }
  return f;
}

export interface BenchResult {
  bench: string;
  title: string;
  scale: number;
  measuredAt: string;
  machine: { cpus: number; memoryGiB: number; node: string };
  figures: Figure[];
  /** Where the time goes and what would fix a missed target. */
  notes: string[];
  details: Record<string, unknown>;
}

/**
 * Where results go: bench/results for full-size runs (the recorded figures); a scaled quick check
 * writes to bench/results/scaled (not tracked), so it never overwrites what the README cites.
 */
export function resultsDir(): string {
  const full = join(repoRoot(), 'bench', 'results');
  const dir = benchScale() < 1 ? join(full, 'scaled') : full;
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function writeResult(result: Omit<BenchResult, 'scale' | 'measuredAt' | 'machine'>): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require('node:os') as typeof import('node:os');
  const full: BenchResult = {
    ...result,
    scale: benchScale(),
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version },
  };
  writeFileSync(join(resultsDir(), `${result.bench}.json`), `${JSON.stringify(full, null, 2)}\n`);
  for (const f of result.figures) {
    const floor = f.floor !== undefined ? ` (floor ${f.floor} ${f.unit}, ×${f.ratio})` : '';
    const target = f.target ? ` target ${f.target.comparator} ${f.target.value}: ${f.pass ? 'pass' : 'MISS'}` : '';
    log(result.bench, `${f.name} = ${f.value} ${f.unit}${floor}${target}`);
  }
}

export function bundledPlanText(): string {
  return readFileSync(join(repoRoot(), FIXTURE), 'utf8');
}

/** One copy of the bundled plan: 32 numbered items holding 45 leaf tasks (bundled-plan.spec). */
const ITEMS_PER_COPY = 32;
const LEAVES_PER_COPY = 45;

/** The bundled plan replicated into the fewest copies that hold at least `leaves` leaf tasks. */
export function replicatedPlan(leaves: number): string {
  return syntheticPlan(bundledPlanText(), Math.ceil(leaves / LEAVES_PER_COPY) * ITEMS_PER_COPY).text;
}

export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 250,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const sleepMs = (ms: number) => new Promise((r) => setTimeout(r, ms));
