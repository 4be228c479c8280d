import { DataSource } from 'typeorm';
import { percentiles, Percentiles } from './bench-kit';

/** Synthetic read model for the ledger and overview benchmarks: N leaf tasks, inserted in one statement. */

export const UNITS = [
  'water-air',
  'ecology',
  'office',
  'general',
  'eia-radiation',
  'party-group',
  'enforcement',
  'party-branch',
  'monitoring',
];
const LIGHTS = ['green', 'yellow', 'red', 'none'];

/** N leaf tasks spread over units, lights, statuses and due dates. */
export async function seedLedger(ds: DataSource, tasks: number, planId = 'bench'): Promise<void> {
  await ds.query(
    `INSERT INTO task (id, plan_id, code, section_code, ordinal, is_leaf, title, body, kind, lead_unit, cooperating_units,
                       status, traffic_light, current_stage_key, next_due_at, escalation_level, projected_version)
     SELECT $4 || '/' || i, $4, '1.' || i, '1', i, true,
            '任务' || i || (CASE WHEN i % 7 = 0 THEN '加强污染防治' ELSE '推进生态建设' END),
            '正文' || i || '：深入打好污染防治攻坚战，持续改善生态环境质量。',
            'annual', ($1::text[])[1 + i % 9], ARRAY[($1::text[])[1 + (i + 4) % 9]],
            CASE WHEN i % 10 = 0 THEN 'closed' ELSE 'active' END, ($2::text[])[1 + i % 4], 'plan',
            timestamptz '2021-03-01' + (i % 300) * interval '1 day', i % 4, 1
       FROM generate_series(1, $3) AS i`,
    [UNITS, LIGHTS, tasks, planId],
  );
  await ds.query('ANALYZE task');
}

/** `runs` timed calls after `warmup` untimed ones, in milliseconds. */
export async function timeQuery(query: () => Promise<unknown>, runs: number, warmup = 20): Promise<Percentiles> {
  for (let i = 0; i < warmup; i++) await query();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await query();
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}
