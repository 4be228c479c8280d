import { join } from 'node:path';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TEMPORAL_CLIENT } from '../../apps/api/src/temporal/temporal-client.provider';

import { ApiHarness, eventually, startApiHarness } from '../support/api-harness';
import { getStateQuery } from '@duban/domain/task/task-messages';

jest.setTimeout(180_000);

const PLAN_FILE = join(__dirname, '..', '..', 'libs', 'workplan', 'fixtures', 'xinjian-2021-workplan.txt');
let h: ApiHarness;
let db: DataSource;

beforeAll(async () => {
  h = await startApiHarness('signoff');
  db = h.app.get(DataSource);
});

afterAll(async () => {
  await h?.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
let keySeq = 0;
const key = () => `e2e-key-${Date.now()}-${++keySeq}`;

describe('sign-off through the API, Temporal and PostgreSQL', () => {
  let supervisor: string;

  it('imports the bundled plan: 45 leaf workflows, projected into PostgreSQL', async () => {
    supervisor = await h.login('supervisor');
    const preview = await h
      .http()
      .post('/plans/import?dryRun=true&planId=signoff-2021')
      .set(bearer(supervisor))
      .attach('file', PLAN_FILE);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      dryRun: true,
      applied: false,
      counts: { sections: 9, items: 48, leaves: 45, targets: 10 },
    });
    expect(await db.query(`SELECT count(*)::int AS n FROM task`)).toEqual([{ n: 0 }]);

    const res = await h
      .http()
      .post('/plans/import?planId=signoff-2021&receiptWorkdays=0')
      .set(bearer(supervisor))
      .attach('file', PLAN_FILE);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'new',
      applied: true,
      workflows: { started: 45, existing: 0, failed: 0 },
    });
    expect(res.body.leadUnits).toMatchObject({ 'water-air': 13, ecology: 9, office: 6, general: 5 });

    await eventually(async () => {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM task WHERE is_leaf AND projected_version > 0`);
      return n === 45;
    });

    // Re-importing the same document starts no twin and writes nothing.
    const again = await h
      .http()
      .post('/plans/import?planId=signoff-2021&receiptWorkdays=0')
      .set(bearer(supervisor))
      .attach('file', PLAN_FILE);
    expect(again.body).toMatchObject({ status: 'unchanged', applied: false, workflows: { started: 0, existing: 45 } });
  });

  it('handler submits, head approves, the next stage opens, with audit and inbox', async () => {
    const handler = await h.login('water-air.handler');
    const task = '/tasks/signoff-2021/2.1';
    const before = await h.http().get(task).set(bearer(handler));
    expect(before.status).toBe(200);
    expect(before.body.task.leadUnit).toBe('water-air');
    const firstStage = before.body.stages[0];

    const submit = await h
      .http()
      .post(`${task}/submit`)
      .set(bearer(handler))
      .set('Idempotency-Key', key())
      .send({ note: '碳达峰行动方案初稿已完成' });
    expect(submit.status).toBe(200);
    expect(submit.body.snapshot.stages[0].status).toBe('submitted');

    const head = await h.login('water-air.head');
    const inbox = await h.http().get('/inbox').set(bearer(head));
    expect(inbox.body.map((t: { id: string }) => t.id)).toContain('signoff-2021/2.1');

    const approveKey = key();
    const approve = await h
      .http()
      .post(`${task}/approve`)
      .set(bearer(head))
      .set('Idempotency-Key', approveKey)
      .send({ note: '同意' });
    expect(approve.status).toBe(200);
    const retried = await h
      .http()
      .post(`${task}/approve`)
      .set(bearer(head))
      .set('Idempotency-Key', approveKey)
      .send({ note: '同意' });
    expect(retried.status).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body.snapshot.version).toBe(approve.body.snapshot.version);

    const detail = await h.http().get(task).set(bearer(handler));
    expect(detail.body.stages[0]).toMatchObject({ key: firstStage.key, status: 'approved' });
    expect(detail.body.stages[1].status).toBe('open');
    expect(detail.body.task.currentStageKey).toBe(detail.body.stages[1].key);
    const actions = detail.body.timeline.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['started', 'submit', 'approve', 'stage-opened']));
    expect(actions.filter((a: string) => a === 'approve')).toHaveLength(1);

    const notifications = await eventually(async () => {
      const res = await h.http().get('/notifications').set(bearer(handler));
      return res.body.some((n: { title: string }) => n.title.startsWith('【已通过】')) && res.body;
    });
    expect(notifications.length).toBeGreaterThan(0);
  });

  it("finds tasks by Chinese text, within the searcher's units only", async () => {
    const handler = await h.login('water-air.handler');
    const found = await h.http().get('/tasks').query({ q: '碳排放达峰' }).set(bearer(handler));
    expect(found.status).toBe(200);
    expect(found.body.items.map((t: { code: string }) => t.code)).toEqual(['2.1']);
    const ecology = await h.login('ecology.handler');
    const hidden = await h.http().get('/tasks').query({ q: '碳排放达峰' }).set(bearer(ecology));
    expect(hidden.body.total).toBe(0);
    const mine = await h
      .http()
      .get('/tasks')
      .query({ unit: 'water-air', unitRole: 'lead', pageSize: 100 })
      .set(bearer(handler));
    expect(mine.body.total).toBe(13);
  });

  it('refuses the approval of another unit head with 404 (not their task) and records the denial', async () => {
    const handler = await h.login('water-air.handler');
    await h
      .http()
      .post('/tasks/signoff-2021/2.2/submit')
      .set(bearer(handler))
      .set('Idempotency-Key', key())
      .send({ note: '已配合市局完成数据报送' })
      .expect(200);
    const ecologyHead = await h.login('ecology.head');
    const denied = await h
      .http()
      .post('/tasks/signoff-2021/2.2/approve')
      .set(bearer(ecologyHead))
      .set('Idempotency-Key', key())
      .send({});
    expect(denied.status).toBe(404);
    expect(denied.body.code).toBe('NOT_FOUND');
    const audit = await db.query(
      `SELECT action, outcome, actor_unit FROM audit_log WHERE subject = 'signoff-2021/2.2' AND outcome = 'denied'`,
    );
    expect(audit).toEqual([{ action: 'approve', outcome: 'denied', actor_unit: 'ecology' }]);
  });

  it('runs a task through every stage to 销号, and the projection equals the workflow state', async () => {
    const handler = await h.login('water-air.handler');
    const head = await h.login('water-air.head');
    const supervisorToken = await h.login('supervisor');
    const task = '/tasks/signoff-2021/2.1';
    for (;;) {
      const detail = await h.http().get(task).set(bearer(handler));
      const stage = detail.body.stages.find((st: { key: string }) => st.key === detail.body.task.currentStageKey);
      if (stage.key === 'closure') break;
      if (stage.status !== 'submitted') {
        await h
          .http()
          .post(`${task}/submit`)
          .set(bearer(handler))
          .set('Idempotency-Key', key())
          .send({ note: `${stage.name}完成` })
          .expect(200);
      }
      await h.http().post(`${task}/approve`).set(bearer(head)).set('Idempotency-Key', key()).send({}).expect(200);
    }
    await h
      .http()
      .post(`${task}/close`)
      .set(bearer(supervisorToken))
      .set('Idempotency-Key', key())
      .send({ note: '销号' })
      .expect(200);

    const workflow = await h.app
      .get<Client>(TEMPORAL_CLIENT)
      .workflow.getHandle('signoff-2021/2.1')
      .query(getStateQuery);
    expect(workflow.status).toBe('closed');
    const [row] = await db.query(
      `SELECT status, traffic_light, current_stage_key, escalation_level, projected_version, lead_unit FROM task WHERE id = 'signoff-2021/2.1'`,
    );
    expect(row).toEqual({
      status: workflow.status,
      traffic_light: workflow.trafficLight,
      current_stage_key: workflow.currentStageKey,
      escalation_level: 0,
      projected_version: workflow.version,
      lead_unit: workflow.leadUnit,
    });
    const stages = await db.query(`SELECT key, status FROM task_stage WHERE task_id = 'signoff-2021/2.1' ORDER BY seq`);
    expect(stages).toEqual(workflow.stages.map((st) => ({ key: st.key, status: st.status })));
    const open = await db.query(
      `SELECT count(*)::int AS n FROM escalation WHERE task_id = 'signoff-2021/2.1' AND resolved_at IS NULL`,
    );
    expect(open[0].n).toBe(workflow.escalations.filter((e) => !e.resolvedAt).length);
  });

  it('answers bad input with a clear 4xx, never a 500', async () => {
    const handler = await h.login('water-air.handler');
    const noKey = await h.http().post('/tasks/signoff-2021/2.3/submit').set(bearer(handler)).send({ note: 'x' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const noNote = await h
      .http()
      .post('/tasks/signoff-2021/2.3/submit')
      .set(bearer(handler))
      .set('Idempotency-Key', key())
      .send({});
    expect(noNote.status).toBe(400);
    expect(noNote.body.code).toBe('VALIDATION_FAILED');
    const empty = await h
      .http()
      .post('/plans/import')
      .set(bearer(await h.login('supervisor')))
      .attach('file', Buffer.alloc(0), 'empty.txt');
    expect(empty.status).toBe(400);
    const unknownTask = await h.http().get('/tasks/signoff-2021/99.9').set(bearer(handler));
    expect(unknownTask.status).toBe(404);
  });
});
