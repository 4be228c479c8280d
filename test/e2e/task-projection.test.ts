import { DataSource } from 'typeorm';
import { TaskProjection } from '@duban/persistence/projection/task-projection';
import { TaskProjectionWriter } from '@duban/persistence/projection/task-projection.writer';
import { createThrowawayDatabase } from '../support/throwaway-database';
import { migratedDataSource } from '../support/migrated-data-source';

const TASK = 'plan-x/1.1';

function projection(version: number, overrides: Partial<TaskProjection> = {}): TaskProjection {
  return {
    taskId: TASK,
    version,
    status: 'active',
    trafficLight: 'green',
    leadUnit: 'water-air',
    cooperatingUnits: ['monitoring'],
    verifyingUnit: null,
    progress: null,
    currentStage: { key: 'plan', name: '工作方案', status: 'open' },
    nextDueAt: '2021-06-30T09:30:00.000Z',
    escalationLevel: 0,
    awaiting: ['water-air:handler'],
    stages: [
      {
        key: 'plan',
        seq: 1,
        name: '工作方案',
        status: 'open',
        ownerUnit: 'water-air',
        dueAt: '2021-06-30T09:30:00.000Z',
        completedAt: null,
      },
    ],
    openEscalations: [],
    events: [{ seq: 1, at: '2021-05-01T01:00:00.000Z', action: 'started' }],
    snapshot: { version },
    ...overrides,
  };
}

describe('task projection writer (real PostgreSQL)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let writer: TaskProjectionWriter;

  beforeAll(async () => {
    db = await createThrowawayDatabase('projection');
    ds = await migratedDataSource(db.url);
    writer = new TaskProjectionWriter(ds);
    await ds.query(
      `INSERT INTO task (id, plan_id, code, section_code, ordinal, is_leaf, title, body) VALUES ($1, 'plan-x', '1.1', '1', 0, true, '标题', '内容')`,
      [TASK],
    );
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('applies newer versions, ignores stale ones and never duplicates events', async () => {
    expect(await writer.write(projection(1))).toBe('applied');
    const v2 = projection(2, {
      status: 'active',
      trafficLight: 'red',
      escalationLevel: 1,
      openEscalations: [
        {
          stageKey: 'plan',
          level: 1,
          toRole: 'unit-head',
          unitCode: 'water-air',
          raisedAt: '2021-07-01T01:00:00.000Z',
        },
      ],
      events: [
        { seq: 1, at: '2021-05-01T01:00:00.000Z', action: 'started' },
        { seq: 2, at: '2021-07-01T01:00:00.000Z', action: 'escalation', detail: '一级督办' },
      ],
    });
    expect(await writer.write(v2)).toBe('applied');
    // A retried activity delivering v2 again, then a late v1: nothing regresses or doubles.
    expect(await writer.write(v2)).toBe('stale');
    expect(await writer.write(projection(1))).toBe('stale');

    const [task] = await ds.query(`SELECT traffic_light, projected_version, escalation_level FROM task WHERE id = $1`, [
      TASK,
    ]);
    expect(task).toEqual({ traffic_light: 'red', projected_version: 2, escalation_level: 1 });
    const events = await ds.query(`SELECT action FROM task_event WHERE task_id = $1 ORDER BY id`, [TASK]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['started', 'escalation']);
    const open = await ds.query(`SELECT level FROM escalation WHERE task_id = $1 AND resolved_at IS NULL`, [TASK]);
    expect(open).toEqual([{ level: 1 }]);
  });

  it('resolves escalations once the stage is done', async () => {
    expect(
      await writer.write(
        projection(3, {
          trafficLight: 'green',
          escalationLevel: 0,
          stages: [
            {
              key: 'plan',
              seq: 1,
              name: '工作方案',
              status: 'approved',
              ownerUnit: 'water-air',
              dueAt: '2021-06-30T09:30:00.000Z',
              completedAt: '2021-07-02T02:00:00.000Z',
            },
          ],
        }),
      ),
    ).toBe('applied');
    const open = await ds.query(
      `SELECT count(*)::int AS n FROM escalation WHERE task_id = $1 AND resolved_at IS NULL`,
      [TASK],
    );
    expect(open[0].n).toBe(0);
    const [stage] = await ds.query(`SELECT status FROM task_stage WHERE task_id = $1 AND key = 'plan'`, [TASK]);
    expect(stage.status).toBe('approved');
  });

  it('reports a projection for a task that was never imported', async () => {
    expect(await writer.write({ ...projection(1), taskId: 'plan-x/9.9' })).toBe('missing-task');
  });
});
