/**
 * Every Chinese label of a code the system stores — lights, statuses, comparators, periods, roles,
 * escalation levels, events, stage keys — written once, for the pages, the exports (Excel, PDF),
 * the notifications and the command line. Pure data: the workflows may use it too.
 */

/** A task's or stage's 红黄绿灯; `none`: no deadline, or done. */
export const TASK_LIGHT_LABELS: Record<string, string> = { green: '绿灯', yellow: '黄灯', red: '红灯', none: '无' };

/** An indicator's light; `none`: no reading to judge by yet. */
export const INDICATOR_LIGHT_LABELS = { green: '绿灯', yellow: '黄灯', red: '红灯', none: '未评定' } as const;

/** Comparators of a target, as signs: the stored codes and the symbols plans write. */
export const COMPARATOR_SIGNS: Record<string, string> = {
  lte: '≤',
  lt: '<',
  gte: '≥',
  gt: '>',
  eq: '=',
  '<=': '≤',
  '>=': '≥',
  '<': '<',
  '>': '>',
  '=': '=',
};

/** Reporting periods of an indicator. */
export const PERIOD_LABELS = { monthly: '月报', quarterly: '季报', annual: '年报' } as const;

/** A qualitative indicator's standing. */
export const QUALITATIVE_STATUS_LABELS = {
  'on-track': '推进正常',
  'at-risk': '存在风险',
  'off-track': '进度滞后',
  achieved: '已完成',
} as const;

export const ROLE_LABELS = {
  handler: '承办人',
  'unit-head': '股长',
  'deputy-director': '分管领导',
  supervisor: '督查室',
  admin: '管理员',
} as const;

export const TASK_STATUS_LABELS: Record<string, string> = {
  active: '办理中',
  suspended: '已暂停',
  completed: '已完成',
  closed: '已销号',
  cancelled: '已撤销',
  pending: '未启动',
};

export const STAGE_STATUS_LABELS: Record<string, string> = {
  pending: '未开始',
  open: '办理中',
  'awaiting-receipt': '待签收',
  declined: '已退回待改派',
  'awaiting-cooperation': '待配合反馈',
  submitted: '待审批',
  returned: '已退回',
  approved: '已通过',
  closed: '已销号',
};

/** A problem of a rectification ledger (整改台账). */
export const PROBLEM_STATUS_LABELS: Record<string, string> = { open: '整改中', closed: '已销号', cancelled: '已撤销' };

export const EVENT_LABELS: Record<string, string> = {
  started: '任务启动',
  'stage-opened': '阶段开始',
  submit: '提交成果',
  approve: '审批通过',
  return: '退回',
  'cooperate-feedback': '配合反馈',
  'confirm-cooperation': '确认配合反馈',
  'request-extension': '申请延期',
  'decide-extension': '延期审批',
  reassign: '改派',
  suspend: '暂停',
  resume: '恢复',
  cancel: '撤销',
  close: '销号',
  comment: '评论',
  reminder: '催办',
  escalation: '督办',
  'add-problem': '登记整改问题',
  acknowledge: '签收',
  reopen: '重新打开（反弹回潮）',
  'problem-reopened': '整改问题重新打开',
  'problem-closed': '整改问题销号',
  'problem-cancelled': '整改问题撤销',
  'problems-listed': '整改清单立项',
  'problem-listed': '列入整改清单',
  'parent-gone': '所属整改任务已结束',
  'calendar-changed': '工作日历调整',
  'timers-unplanned': '提醒无法安排',
  'verification-refused': '核实未通过退回',
  decline: '退回（不予签收）',
  'notification-failed': '通知发送失败',
};

/** Rungs of the escalation ladder (督办), short and with whom they reach. */
export const ESCALATION_LEVEL_LABELS: Record<number, string> = { 1: '一级督办', 2: '二级督办', 3: '三级督办' };
export const ESCALATION_LEVEL_REACH_LABELS: Record<number, string> = {
  1: '一级（股长）',
  2: '二级（分管领导）',
  3: '三级（督查室）',
};

/** Kinds of notification, as the 消息 page and the messages themselves name them. */
export const NOTIFICATION_KIND_LABELS = {
  reminder: '催办',
  escalation: '督办',
  action: '待办',
  bulletin: '督办通报',
} as const;

/** Kinds of task, as the ledger and the task's first event name them. */
export const TASK_KIND_LABELS: Record<string, string> = {
  annual: '年度任务',
  rectification: '整改任务',
  quantitative: '量化任务',
  recurring: '定期任务',
  ongoing: '长期任务',
  assigned: '交办件',
};

/** Where an item comes from (来源). */
export const SOURCE_KIND_LABELS: Record<string, string> = {
  workplan: '年度工作要点',
  instruction: '领导批示',
  meeting: '会议议定',
  higher: '上级交办',
  proposal: '建议提案',
  inspection: '督察整改',
  other: '其他',
};

/** 紧急程度 of a registered item. */
export const URGENCY_LABELS: Record<string, string> = {
  'extra-urgent': '特急',
  urgent: '急件',
  normal: '一般',
  'long-term': '长期',
};

/** An ISO week code as people read it: 2021-W41 → 2021年第41周 (anything else as it is). */
export function isoWeekLabel(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  return m ? `${m[1]}年第${Number(m[2])}周` : week;
}

export const ESCALATION_TARGET_LABELS: Record<string, string> = {
  'unit-head': '股长',
  'deputy-director': '分管领导',
  supervisor: '督查室',
};

/** Kinds of unit (org_unit.kind). */
export const UNIT_KIND_LABELS: Record<string, string> = {
  section: '股室',
  office: '办公室',
  station: '站所',
  branch: '分局、大队',
  party: '党组织',
};

/** What an audit_log entry records; a refused task action is named by EVENT_LABELS. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  login: '登录',
  'login-failed': '登录失败',
  logout: '退出',
  'token-refresh': '续期登录',
  'password-change': '修改密码',
  'user-create': '新建账号',
  'user-update': '修改账号',
  'user-unlock': '解锁账号',
  'unit-create': '新增单位',
  'unit-update': '修改单位',
  'roster-import': '导入人员名单',
  'plan-import': '导入计划',
  'plan-revision': '修订计划',
  deny: '拒绝访问',
};

export const AUDIT_OUTCOME_LABELS: Record<string, string> = {
  ok: '成功',
  failed: '失败',
  denied: '被拒绝',
  rejected: '被驳回',
};

export const UNIT_ROLE_LABELS: Record<string, string> = { any: '牵头或配合', lead: '牵头', cooperating: '配合' };

const STAGE_KEY_LABELS: Record<string, string> = {
  plan: '工作方案',
  done: '完成',
  closure: '销号',
  'rectify-plan': '整改方案',
  'rectify-implement': '整改实施',
  acceptance: '验收',
};

/** A stage's name from its key, for lists that carry only the key (escalations). */
export function stageKeyLabel(key: string): string {
  if (key in STAGE_KEY_LABELS) return STAGE_KEY_LABELS[key];
  const quarter = /^progress-q(\d)$/.exec(key);
  if (quarter) return `季度进展（第${quarter[1]}季度）`;
  const report = /^report-(\d{2})$/.exec(key);
  if (report) return `${Number(report[1])}月工作报告`;
  return key;
}

/** The label of a code, or the code itself when it has none (never an empty cell for a known value). */
export function label(map: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '';
  return map[code] ?? code;
}
