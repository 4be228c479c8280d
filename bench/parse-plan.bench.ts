import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { leafTasks } from '../libs/workplan/src/leaf-tasks';
import { parsePlan } from '../libs/workplan/src/parse-plan';
import { syntheticPlan } from './parse-plan-synthetic';

/** Budgets from the issue: the real plan well under 50 ms, a 10,000-item plan under 2 s. */
const BUNDLED_BUDGET_MS = 50;
const SYNTHETIC_BUDGET_MS = 2000;
const SYNTHETIC_ITEMS = 10_000;
const FIXTURE = 'xinjian-2021-workplan.txt';

/** The repository root: the first directory holding the fixture, from the working directory, then from here. */
function repoRoot(): string {
  for (const start of [process.cwd(), __dirname]) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'libs', 'workplan', 'fixtures', FIXTURE))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`cannot find libs/workplan/fixtures/${FIXTURE}`);
}

interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

async function time(runs: number, warmup: number, once: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await once();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    runs,
    medianMs: round(samples[Math.floor(samples.length / 2)]),
    p95Ms: round(samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))]),
    minMs: round(samples[0]),
  };
}

/** Times parsePlan on the bundled plan and on a synthetic 10,000-item plan; writes the figures. */
export async function run() {
  const root = repoRoot();
  const realPlan = readFileSync(join(root, 'libs', 'workplan', 'fixtures', FIXTURE));
  const bundled = await time(200, 20, () => parsePlan(realPlan, { filename: 'plan.txt' }));

  const synthetic = syntheticPlan(realPlan.toString('utf8'), SYNTHETIC_ITEMS);
  const syntheticBuffer = Buffer.from(synthetic.text);
  const tree = await parsePlan(syntheticBuffer, { filename: 'plan.txt' });
  const items = tree.sections.reduce((n, s) => n + s.items.length, 0);
  const syntheticTiming = await time(7, 1, () => parsePlan(syntheticBuffer, { filename: 'plan.txt' }));

  const result = {
    benchmark: 'parse-plan',
    recordedAt: new Date().toISOString(),
    node: process.version,
    bundled: { bytes: realPlan.length, budgetMs: BUNDLED_BUDGET_MS, ...bundled },
    synthetic: {
      bytes: syntheticBuffer.length,
      sections: tree.sections.length,
      items,
      leaves: leafTasks(tree).length,
      budgetMs: SYNTHETIC_BUDGET_MS,
      ...syntheticTiming,
    },
    withinBudget: bundled.medianMs < BUNDLED_BUDGET_MS && syntheticTiming.medianMs < SYNTHETIC_BUDGET_MS,
  };
  const out = join(root, 'bench', 'results', 'parse-plan.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (require.main === module) {
  run().then(
    (result) => {
      console.log(JSON.stringify(result, null, 2));
      if (!result.withinBudget) process.exitCode = 1;
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
