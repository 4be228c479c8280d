import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '@duban/domain/errors/domain-error';
import { handler, head, otherHead, taskSnapshot } from '@duban/domain/task/task-snapshot.fixtures';
import { TaskSnapshot } from '@duban/domain/task/task-types';
import { AuditLogWriter, AuditRecord } from '@duban/persistence/audit/audit-log.writer';
import { EvidenceEntity, OrgUnitEntity, TaskEntity } from '@duban/persistence/entities';
import { EvidenceRepository } from '@duban/persistence/repositories/evidence-repository';
import { TaskRepository } from '@duban/persistence/repositories/task-repository';
import { UnitRepository } from '@duban/persistence/repositories/unit-repository';
import { RefusalAudit } from './refusal-audit';
import { TaskActionService } from './task-action.service';

/** The task row `p/1` of the read model, lead 水气股, as the repository would return it. */
const row = (snapshot: TaskSnapshot = taskSnapshot(), over: Partial<TaskEntity> = {}) =>
  ({ id: 'p/1', isLeaf: true, leadUnit: 'water-air', cooperatingUnits: [], snapshot, ...over }) as TaskEntity;

interface World {
  task?: TaskEntity | null;
  evidence?: Pick<EvidenceEntity, 'id' | 'stageKey'>[];
  units?: string[];
  update?: () => Promise<unknown>;
}

/** The service over in-memory repositories and a workflow handle; what it audits and asks is recorded. */
function serviceIn(world: World) {
  const audited: AuditRecord[] = [];
  const updates: { name: string; arg: unknown }[] = [];
  const tasks = { find: async () => world.task ?? null } as unknown as TaskRepository;
  const evidence = { stagesOf: async () => world.evidence ?? [] } as unknown as EvidenceRepository;
  const units = {
    findActive: async (code: string) =>
      (world.units ?? []).includes(code) ? ({ code, active: true } as OrgUnitEntity) : null,
  } as unknown as UnitRepository;
  const audit = { record: async (r: AuditRecord) => void audited.push(r) } as unknown as AuditLogWriter;
  const client = {
    workflow: {
      getHandle: () => ({
        executeUpdate: (def: { name: string }, opts: { args: unknown[] }) => {
          updates.push({ name: def.name, arg: opts.args[0] });
          return (world.update ?? (async () => ({ version: 4 })))();
        },
      }),
    },
  } as unknown as Client;
  return { service: new TaskActionService(client, tasks, evidence, units, new RefusalAudit(audit)), audited, updates };
}

const refusalOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: DomainError) => ({ status: e.status, code: e.code, zh: e.messageZh, details: e.details }),
  );

describe('TaskActionService', () => {
  it('answers another unit’s task as not found, audits the attempt and never asks the workflow', async () => {
    const { service, audited, updates } = serviceIn({ task: row() });
    const refused = await refusalOf(service.perform(otherHead, 'p/1', 'comment', { text: '看看' }, 'req-00000001'));
    expect(refused).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(audited).toEqual([
      expect.objectContaining({ action: 'comment', outcome: 'denied', subject: 'p/1', requestId: 'req-00000001' }),
    ]);
    expect(updates).toEqual([]);
    // A task that is not there, or a plan's heading (no leaf), is not found either, and not audited.
    for (const task of [null, row(taskSnapshot(), { isLeaf: false })]) {
      const other = serviceIn({ task });
      await expect(refusalOf(other.service.perform(head, 'p/1', 'approve', {}, 'req-00000002'))).resolves.toMatchObject(
        {
          status: 404,
        },
      );
      expect(other.audited).toEqual([]);
    }
  });

  it('refuses bad input before the workflow, naming the field, and audits it as rejected', async () => {
    const submitted = taskSnapshot({
      stages: [
        {
          ...taskSnapshot().stages[0],
          status: 'submitted',
          submission: { by: 'u-h', role: 'handler', unit: 'water-air', at: 'x', evidenceIds: [] },
        },
        taskSnapshot().stages[1],
      ],
    });
    const { service, audited, updates } = serviceIn({ task: row(submitted) });
    const refused = await refusalOf(service.perform(head, 'p/1', 'returnStage', { reason: ' ' }, 'req-00000003'));
    expect(refused).toEqual({ status: 400, code: 'BAD_INPUT', zh: '退回须填写理由', details: { field: 'reason' } });
    expect(audited.map((a) => [a.outcome, a.detail])).toEqual([['rejected', 'BAD_INPUT: 退回须填写理由']]);
    expect(updates).toEqual([]);
  });

  it('refuses evidence that is not this task’s current stage’s, and a new lead unit that is not active', async () => {
    // e2 belongs to another stage of the task, e3 to no stage of it.
    const { service } = serviceIn({
      task: row(),
      evidence: [
        { id: 'e1', stageKey: 'work' },
        { id: 'e2', stageKey: 'x' },
      ],
    });
    const submit = (evidenceIds: string[]) =>
      refusalOf(service.check(handler, 'p/1', 'submit', { note: '完成', evidenceIds }, 'req-00000004'));
    await expect(submit(['e1', 'e2', 'e3'])).resolves.toMatchObject({
      status: 400,
      code: 'EVIDENCE_NOT_FOUND',
      details: { field: 'evidenceIds', evidenceIds: ['e2', 'e3'] },
    });
    await expect(submit(['e1'])).resolves.toBeNull();
    const supervisorActor = { userId: 'u-s', role: 'supervisor' as const, unitCode: null };
    const reassign = serviceIn({ task: row(), units: ['ecology'] });
    await expect(
      refusalOf(
        reassign.service.check(supervisorActor, 'p/1', 'reassign', { newLeadUnit: 'old-unit', reason: '调整' }, 'r-6'),
      ),
    ).resolves.toMatchObject({ status: 400, code: 'UNKNOWN_UNIT', details: { field: 'newLeadUnit' } });
    await expect(
      refusalOf(
        reassign.service.check(supervisorActor, 'p/1', 'reassign', { newLeadUnit: 'ecology', reason: '调整' }, 'r-7'),
      ),
    ).resolves.toBeNull();
  });

  it('asks the workflow with the actor and a request id of this user, and answers its snapshot', async () => {
    const { service, updates, audited } = serviceIn({ task: row() });
    const done = await service.perform(handler, 'p/1', 'comment', { text: '已对接' }, 'req-00000008');
    expect(done).toEqual({ taskId: 'p/1', action: 'comment', snapshot: { version: 4 } });
    expect(updates).toEqual([
      { name: 'comment', arg: { text: '已对接', requestId: 'u-h:req-00000008', actor: handler } },
    ]);
    expect(audited).toEqual([]);
  });

  it('turns the workflow’s own refusal into the same problem as a precheck, audited', async () => {
    const refusal = ApplicationFailure.nonRetryable('当前阶段没有待审批的提交 / no submission', 'INVALID_STATE');
    const { service, audited } = serviceIn({
      task: row(),
      update: () => Promise.reject(new WorkflowUpdateFailedError('update failed', refusal)),
    });
    // The projection says the stage is open; the workflow (authoritative) refuses the state.
    await expect(refusalOf(service.perform(head, 'p/1', 'approve', {}, 'req-00000009'))).resolves.toMatchObject({
      status: 409,
      code: 'INVALID_STATE',
      zh: '当前阶段没有待审批的提交',
    });
    expect(audited.map((a) => a.outcome)).toEqual(['rejected']);
  });
});
