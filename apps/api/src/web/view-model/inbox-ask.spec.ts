import { stage, taskSnapshot } from '@duban/domain/task/task-snapshot.fixtures';
import { newReceipt } from '@duban/domain/task/receipt';
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

  it('签收: the unit head is asked to acknowledge by its deadline; a decline asks the office to reassign', () => {
    const receipt = { ...newReceipt('water-air', '2027-03-01T02:00:00Z'), dueAt: '2027-03-03T09:30:00.000Z' };
    const work = [stage('work', { name: '办理', status: 'open' })];
    expect(inboxAsk(taskSnapshot({ stages: work, receipt }))).toEqual({
      what: '请签收：本单位牵头的新交办事项，签收期限 2027-03-03 17:30',
      by: null,
      note: null,
      evidenceIds: [],
    });
    const declined = {
      ...receipt,
      status: 'returned' as const,
      declined: { ...submission, reason: '不属于本股室职责' },
    };
    expect(inboxAsk(taskSnapshot({ stages: work, receipt: declined }))).toEqual({
      what: '牵头单位退回，请核实后改派',
      by: 'u-h',
      note: '不属于本股室职责',
      evidenceIds: [],
    });
    // Acknowledged: the work's own asks again (an open stage asks nothing of the inbox reader).
    expect(inboxAsk(taskSnapshot({ stages: work, receipt: { ...receipt, status: 'approved' } }))).toBeNull();
  });
});
