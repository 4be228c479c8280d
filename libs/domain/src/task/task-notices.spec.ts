import { stage } from './task-snapshot.fixtures';
import { reminderWhen, taskNotices } from './task-notices';

const task = {
  taskId: 'xj/2.1',
  taskCode: '2.1',
  title: '碳达峰方案',
  leadUnit: 'water-air',
  cooperatingUnits: ['monitoring', 'ecology'],
  version: 7,
};
const plan = { ...stage('plan', { name: '工作方案', dueAt: '2021-10-08T09:30:00.000Z' }), dueRevision: 2 };
const handlerAndHead = [
  { unitCode: 'water-air', role: 'handler' },
  { unitCode: 'water-air', role: 'unit-head' },
];

describe('task notices: who is told what', () => {
  it.each([
    [
      () => taskNotices.closureReady(task, plan),
      'xj/2.1/plan/action/closure-ready',
      [{ unitCode: '*', role: 'supervisor' }],
      '【待销号】碳达峰方案',
      '任务 2.1「碳达峰方案」各阶段已完成，请审核销号。',
    ],
    [
      () => taskNotices.cooperationRequested(task, plan),
      'xj/2.1/plan/action/cooperate/7',
      [
        { unitCode: 'monitoring', role: 'handler' },
        { unitCode: 'ecology', role: 'handler' },
      ],
      '【配合反馈】碳达峰方案',
      '牵头单位已提交“工作方案”，请提交配合反馈。',
    ],
    [
      () => taskNotices.approvalRequested(task, plan, '已印发'),
      'xj/2.1/plan/action/approve/7',
      [{ unitCode: 'water-air', role: 'unit-head' }],
      '【待审批】碳达峰方案',
      '“工作方案”已提交，请审批。说明：已印发',
    ],
    [
      () => taskNotices.cooperationToConfirm(task, plan, 'monitoring'),
      'xj/2.1/plan/action/confirm/monitoring/7',
      [{ unitCode: 'monitoring', role: 'unit-head' }],
      '【确认配合反馈】碳达峰方案',
      '本单位已提交“工作方案”的配合反馈，请确认。',
    ],
    [
      () => taskNotices.cooperationComplete(task, plan),
      'xj/2.1/plan/action/approve/7',
      [{ unitCode: 'water-air', role: 'unit-head' }],
      '【待审批】碳达峰方案',
      '“工作方案”配合单位均已反馈，请审批。',
    ],
    [
      () => taskNotices.approved(task, plan),
      'xj/2.1/plan/action/approved/7',
      [{ unitCode: 'water-air', role: 'handler' }],
      '【已通过】碳达峰方案',
      '“工作方案”已审批通过。',
    ],
    [
      () => taskNotices.returned(task, plan, '缺附件'),
      'xj/2.1/plan/action/returned/7',
      [{ unitCode: 'water-air', role: 'handler' }],
      '【退回】碳达峰方案',
      '“工作方案”被退回，理由：缺附件',
    ],
    [
      () => taskNotices.extensionRequested(task, plan, '2021-11-30', '等批复'),
      'xj/2.1/plan/action/extension/7',
      [{ unitCode: 'water-air', role: 'deputy-director' }],
      '【延期申请】碳达峰方案',
      '申请将“工作方案”延期至 2021-11-30，理由：等批复',
    ],
    [
      () => taskNotices.extensionDecided(task, plan, false, '2021-11-30', '请按期'),
      'xj/2.1/plan/action/extension-decided/7',
      handlerAndHead,
      '【延期未批准】碳达峰方案',
      '延期申请未获批准。请按期',
    ],
    [
      () => taskNotices.extensionDecided(task, plan, true, '2021-11-30'),
      'xj/2.1/plan/action/extension-decided/7',
      handlerAndHead,
      '【延期已批准】碳达峰方案',
      '“工作方案”期限已延至 2021-11-30。',
    ],
    [
      () => taskNotices.reassigned(task, '职责调整'),
      'xj/2.1/reassign/7',
      handlerAndHead,
      '【改派】碳达峰方案',
      '本任务已改派由贵单位牵头办理。理由：职责调整',
    ],
    [
      () => taskNotices.closed(task),
      'xj/2.1/closure/action/closed',
      handlerAndHead,
      '【已销号】碳达峰方案',
      '任务 2.1 已销号。',
    ],
  ])('action notice %#', (notice, dedupKey, recipients, title, body) => {
    // Built inside the test, so the mutation run's per-test coverage sees which test reads which copy.
    expect(notice()).toEqual({ dedupKey, kind: 'action', recipients, title, body });
  });

  it('reminders go to the lead unit with the time left and the deadline in Beijing time, per schedule', () => {
    expect(taskNotices.reminder(task, plan, 3)).toEqual({
      dedupKey: 'xj/2.1/plan/reminder/3/r2',
      kind: 'reminder',
      level: 3,
      recipients: handlerAndHead,
      title: '【催办】碳达峰方案',
      body: '任务 2.1「碳达峰方案」的“工作方案”还有 3 个工作日到期（期限 2021-10-08 17:30）。',
    });
    expect(reminderWhen(0)).toBe('今天到期');
    expect(taskNotices.reminder(task, { ...plan, dueAt: null }, 0).body).toContain('今天到期（期限 无）');
  });

  it('escalations go up the ladder: the rung a role names in the lead unit, 督查室 for all', () => {
    const toDeputy = taskNotices.escalation(task, plan, 2, 'deputy-director');
    expect(toDeputy).toEqual({
      dedupKey: 'xj/2.1/plan/escalation/2/r2',
      kind: 'escalation',
      level: 2,
      recipients: [{ unitCode: 'water-air', role: 'deputy-director' }],
      title: '【督办·二级】碳达峰方案',
      body: '任务 2.1「碳达峰方案」的“工作方案”已逾期（期限 2021-10-08 17:30），请督促办理。',
    });
    expect(taskNotices.escalation(task, plan, 3, 'supervisor').recipients).toEqual([
      { unitCode: '*', role: 'supervisor' },
    ]);
    expect(taskNotices.escalation(task, plan, 6, 'supervisor').title).toBe('【督办·6级】碳达峰方案');
  });
});
