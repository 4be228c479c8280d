import { stage, taskSnapshot } from '@duban/domain/task/task-snapshot.fixtures';
import { inboxAsk } from './inbox-ask';

const submission = { by: 'u-h', role: 'handler', unit: 'water-air', at: '2021-10-01T00:00:00Z', note: '方案已印发' };

describe('inboxAsk', () => {
  it('a submitted stage: approval of that stage, with the note and the files', () => {
    const s = taskSnapshot({
      stages: [
        stage('work', { name: '工作方案', status: 'submitted', submission: { ...submission, evidenceIds: ['e1'] } }),
      ],
    });
    expect(inboxAsk(s)).toEqual({ what: '提交审批：“工作方案”', by: 'u-h', note: '方案已印发', evidenceIds: ['e1'] });
  });

  it('a quantity reported with the submission is part of the request', () => {
    const s = taskSnapshot({
      stages: [
        stage('work', {
          name: '完成',
          status: 'submitted',
          submission: { ...submission, evidenceIds: [], quantity: 48 },
        }),
      ],
    });
    expect(inboxAsk(s)?.what).toBe('提交审批：“完成”（填报完成数量 48）');
  });

  it('an extension: which deadline moves, from when to when, why and by whom', () => {
    const s = taskSnapshot({
      stages: [stage('work', { name: '工作方案', status: 'open', dueAt: '2021-10-08T09:30:00.000Z' })],
      pendingExtension: {
        stageKey: 'work',
        newDueDate: '2021-11-30',
        reason: '等待省厅批复',
        requested: { by: 'u-h', role: 'handler', unit: 'water-air', at: '2021-10-01T00:00:00Z' },
      },
    });
    expect(inboxAsk(s)).toEqual({
      what: '延期申请：“工作方案”期限由 2021-10-08 延至 2021-11-30',
      by: 'u-h',
      note: '等待省厅批复',
      evidenceIds: [],
    });
  });

  it('cooperation feedback, closure, and nothing for an open working stage', () => {
    const waiting = taskSnapshot({
      stages: [
        stage('work', { name: '方案', status: 'awaiting-cooperation', submission: { ...submission, evidenceIds: [] } }),
      ],
    });
    expect(inboxAsk(waiting)?.what).toBe('请提交配合反馈：“方案”');
    const closure = taskSnapshot({
      currentStageKey: 'closure',
      stages: [stage('work', { status: 'approved' }), stage('closure', { closure: true, dueAt: null, status: 'open' })],
    });
    expect(inboxAsk(closure)).toMatchObject({ what: '待销号：各阶段已审批通过，请核实后销号', by: null });
    expect(inboxAsk(taskSnapshot())).toBeNull();
    expect(inboxAsk(null)).toBeNull();
  });
});
