import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { leafTasks } from '@duban/workplan/leaf-tasks';
import { parsePlan } from '@duban/workplan/parse-plan';
import { syntheticPlan } from './parse-plan-synthetic';
import { decodeText } from '@duban/workplan/decode-text';
import { loadCorpus } from '@duban/workplan/corpus/corpus-truth';
import { buildXlsx } from '@duban/workplan/testing/build-xlsx';

/** Budgets from the issues: the real plan and any 100-item plan under 50 ms, the largest plan accepted
 * (3,000 items and their sub-items, 4,500 in all: the limit counts items and sub-items, MAX_PLAN_ITEMS) under 2 s. */
const BUNDLED_BUDGET_MS = 50;
const HUNDRED_BUDGET_MS = 50;
const SYNTHETIC_BUDGET_MS = 2000;
const SYNTHETIC_ITEMS = 3_000;
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

/** Times parsePlan on the bundled plan and on a synthetic 3,000-item plan, a 100-item plan (text and .xlsx) and the corpus; writes the figures. */
export async function run() {
  const root = repoRoot();
  const realPlan = readFileSync(join(root, 'libs', 'workplan', 'fixtures', FIXTURE));
  const bundled = await time(200, 20, () => parsePlan(realPlan, { filename: 'plan.txt' }));

  const synthetic = syntheticPlan(realPlan.toString('utf8'), SYNTHETIC_ITEMS);
  const syntheticBuffer = Buffer.from(synthetic.text);
  const tree = await parsePlan(syntheticBuffer, { filename: 'plan.txt' });
  const items = tree.sections.reduce((n, s) => n + s.items.length, 0);
  const syntheticTiming = await time(7, 1, () => parsePlan(syntheticBuffer, { filename: 'plan.txt' }));

  // A 100-item plan, as text and as a 100-row 任务分解表 workbook; the floor is reading the same
  // bytes into lines (what any parser must do), so the figures travel as ratios to it.
  const hundredText = Buffer.from(syntheticPlan(realPlan.toString('utf8'), 100).text);
  const hundred = await time(100, 10, () => parsePlan(hundredText, { filename: 'plan.txt' }));
  const floor = await time(100, 10, async () => decodeText(hundredText).text.split('\n'));
  const workbook = await buildXlsx([
    {
      name: '任务分解表',
      rows: [
        ['序号', '重点工作', '牵头单位', '配合单位', '完成时限'],
        ...Array.from({ length: 100 }, (_, i) => [
          i + 1,
          `第${i + 1}项重点工作：开展专项整治，完成年度目标任务`,
          ['水气股', '生态股', '执法大队'][i % 3],
          '监测站、综合股',
          `2027年${(i % 12) + 1}月底前`,
        ]),
      ],
    },
  ]);
  const hundredXlsx = await time(30, 3, () => parsePlan(workbook, { filename: 'plan.xlsx' }));
  // Every corpus document, parsed once each after a warm-up: the slowest shows the worst shape.
  const corpus = loadCorpus(join(root, 'libs', 'workplan', 'fixtures', 'corpus'));
  const perDocument: { name: string; ms: number }[] = [];
  for (const doc of corpus) {
    const buffer = readFileSync(doc.file);
    const parseOnce = () => parsePlan(buffer, { filename: doc.file, fallbackYear: 2026 }).catch(() => null);
    const t = await time(5, 1, parseOnce);
    perDocument.push({ name: doc.name, ms: t.medianMs });
  }
  perDocument.sort((a, b) => b.ms - a.ms);

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
    hundredItems: {
      budgetMs: HUNDRED_BUDGET_MS,
      text: { ...hundred, ratioToFloor: Math.round((hundred.medianMs / floor.medianMs) * 10) / 10 },
      xlsx: hundredXlsx,
      floor,
    },
    corpus: {
      documents: perDocument.length,
      medianMs: perDocument[Math.floor(perDocument.length / 2)]?.ms,
      slowest: perDocument.slice(0, 3),
    },
    withinBudget:
      bundled.medianMs < BUNDLED_BUDGET_MS &&
      hundred.medianMs < HUNDRED_BUDGET_MS &&
      hundredXlsx.medianMs < HUNDRED_BUDGET_MS &&
      syntheticTiming.medianMs < SYNTHETIC_BUDGET_MS,
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
