import { ActorRef, ActorRole } from '../access/actor';
import { canSeeTask } from '../access/task-visibility';
import { calendarServes, CALENDAR_YEARS } from '../calendar/calendar-range';
import { isIsoDate } from '../calendar/shanghai-time';
import { findUnsafeText } from '../text/safe-text';
import { TEXT_LIMITS, TextLimitKind } from '../text/text-limits';
import { TaskRejection, reject } from './rejections';
import { SOURCE_DOCUMENT_KEY } from '../items/source-document';
import { pendingReceipt } from './receipt';
import { StageState, TaskAction, TaskActionArgs, TaskSnapshot } from './task-types';
import { ROLE_LABELS, STAGE_STATUS_LABELS } from '../labels/labels';

/** Actions a suspended task still accepts. */
const WHILE_SUSPENDED = new Set<TaskAction>(['resume', 'cancel', 'comment']);

/** Actions a task accepts before its lead unit has acknowledged it (签收). */
const BEFORE_RECEIPT = new Set<TaskAction>([
  'acknowledge',
  'decline',
  'reassign',
  'suspend',
  'resume',
  'cancel',
  'comment',
  'addProblem',
]);

export function currentStage(s: Pick<TaskSnapshot, 'stages' | 'currentStageKey'>): StageState | undefined {
  return s.stages.find((st) => st.key === s.currentStageKey);
}

const needRole = (actor: ActorRef, roles: ActorRole[]): TaskRejection | null =>
  roles.includes(actor.role)
    ? null
    : reject(
        'FORBIDDEN_ROLE',
        `该操作需要${roles.map((r) => ROLE_LABELS[r]).join('或')}，当前身份为${ROLE_LABELS[actor.role]}`,
        `This action needs role ${roles.join(' or ')}; you are ${actor.role}`,
      );

/** 核实 and 销号: the supervision office, or the head of the unit the item names to verify it. */
const needVerifier = (actor: ActorRef, s: TaskSnapshot): TaskRejection | null =>
  actor.role === 'supervisor' || (actor.role === 'unit-head' && !!s.verifyingUnit && actor.unitCode === s.verifyingUnit)
    ? null
    : reject(
        'FORBIDDEN_ROLE',
        s.verifyingUnit ? '核实销号由督查室或核实单位负责人办理' : '核实销号由督查室办理',
        s.verifyingUnit
          ? 'Only a supervisor or the verifying unit head may verify the completion'
          : 'Only a supervisor may verify the completion',
      );

const needLeadUnit = (actor: ActorRef, s: TaskSnapshot): TaskRejection | null =>
  actor.unitCode === s.leadUnit
    ? null
    : reject('FORBIDDEN_UNIT', '只有牵头单位可以办理此操作', 'Only the lead unit may do this');

/** A required text: refused as blank when it has nothing but spaces. */
export const needText = (value: string | undefined, field: string, zh: string, en: string): TaskRejection | null =>
  value && value.trim() ? null : reject('BAD_INPUT', zh, en, field);

/** The text fields of each action and the limit each is held to. */
const TEXT_FIELDS: { [A in TaskAction]: Partial<Record<keyof TaskActionArgs[A], TextLimitKind>> } = {
  acknowledge: { note: 'note' },
  decline: { reason: 'reason' },
  submit: { note: 'submissionNote', stageKey: 'stageKey' },
  cooperateFeedback: { note: 'note' },
  confirmCooperation: { note: 'note' },
  approve: { note: 'note' },
  returnStage: { reason: 'reason' },
  requestExtension: { reason: 'reason' },
  decideExtension: { note: 'note' },
  reassign: { reason: 'reason', newLeadUnit: 'unitCode' },
  suspend: { reason: 'reason' },
  resume: { note: 'note' },
  cancel: { reason: 'reason' },
  close: { note: 'note' },
  comment: { text: 'comment' },
  addProblem: { title: 'problemTitle', note: 'note' },
};

/**
 * Text no store can hold (NUL, lone surrogates, control characters) anywhere in the arguments,
 * a text field that is not a string, or one over its limit: refused before any rule, so nothing
 * of it is ever recorded.
 */
export function checkActionText<A extends TaskAction>(action: A, args: TaskActionArgs[A]): TaskRejection | null {
  const { actor: _actor, ...rest } = args as unknown as Record<string, unknown>;
  return checkTextFields(rest, (TEXT_FIELDS[action] ?? {}) as Record<string, TextLimitKind>);
}

/**
 * Text no store can hold anywhere in `rest`, or a field of `fields` that is not a string or is
 * over its limit (any request a task takes, its actions' and the reopening's alike).
 */
export function checkTextFields(
  rest: Record<string, unknown>,
  fields: Record<string, TextLimitKind>,
): TaskRejection | null {
  const unsafe = findUnsafeText(rest);
  if (unsafe) return reject('BAD_INPUT', unsafe.zh, unsafe.en);
  for (const [field, kind] of Object.entries(fields)) {
    const value = rest[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      return reject('BAD_INPUT', `字段 ${field} 须为文本`, `Field ${field} must be a string`, field);
    }
    const limit = TEXT_LIMITS[kind];
    if (value.length > limit) {
      return reject(
        'BAD_INPUT',
        `字段 ${field} 最长 ${limit} 个字符（当前 ${value.length} 个），请精简后重试`,
        `Field ${field} is at most ${limit} characters (got ${value.length})`,
        field,
      );
    }
  }
  return null;
}

/** A YYYY-MM-DD date that exists and lies within the workday calendar's years. */
export const needServedDate = (date: string | undefined, field: string, name: string): TaskRejection | null => {
  if (!isIsoDate(date ?? '')) {
    return reject('BAD_INPUT', `${name}须为有效的 YYYY-MM-DD 日期`, `${field} must be a valid YYYY-MM-DD date`, field);
  }
  return calendarServes(date!)
    ? null
    : reject(
        'BAD_INPUT',
        `${name}须在 ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last} 年之间（工作日历的范围）`,
        `${field} must lie in ${CALENDAR_YEARS.first}-${CALENDAR_YEARS.last}, the workday calendar's range`,
        field,
      );
};

/**
 * Whether `actor` may do `action` on a task in state `s`: role, unit and state rules in one pure
 * function, used by the workflow's update validators and by the API before it calls the workflow.
 * Returns null when allowed, else the typed reason.
 */
export function checkAction<A extends TaskAction>(
  action: A,
  args: TaskActionArgs[A],
  s: TaskSnapshot,
): TaskRejection | null {
  const actor = args.actor;
  const textRefusal = checkActionText(action, args);
  if (textRefusal) return textRefusal;
  if (s.status === 'closed' || s.status === 'cancelled') {
    return reject('INVALID_STATE', '任务已销号或撤销，不能再办理', 'The task is closed or cancelled');
  }
  if (s.status === 'suspended' && !WHILE_SUSPENDED.has(action)) {
    return reject('INVALID_STATE', '任务已暂停，请先恢复', 'The task is suspended; resume it first');
  }
  const receipt = pendingReceipt(s);
  if (receipt && !BEFORE_RECEIPT.has(action)) {
    return receipt.status === 'returned'
      ? reject(
          'INVALID_STATE',
          '牵头单位已退回，待督查室改派',
          'The lead unit declined the task; it awaits reassignment',
        )
      : reject(
          'INVALID_STATE',
          '任务尚未签收，请牵头单位负责人先签收',
          'The lead unit head must acknowledge the task first',
        );
  }
  const stage = currentStage(s);
  switch (action) {
    case 'acknowledge':
    case 'decline': {
      const check = needRole(actor, ['unit-head']) ?? needLeadUnit(actor, s);
      if (check) return check;
      if (!receipt || receipt.status !== 'open') {
        return reject(
          'INVALID_STATE',
          s.receipt ? '任务已签收或已退回' : '该任务无需签收',
          s.receipt ? 'The task was already acknowledged or declined' : 'This task asks no acknowledgement',
        );
      }
      return action === 'decline'
        ? needText(
            (args as TaskActionArgs['decline']).reason,
            'reason',
            '退回须填写理由',
            'A reason is required to decline',
          )
        : null;
    }
    case 'submit': {
      const a = args as TaskActionArgs['submit'];
      const target = a.stageKey ? s.stages.find((st) => st.key === a.stageKey) : stage;
      if (!target) return reject('NOT_FOUND_STAGE', `没有阶段 ${a.stageKey}`, `No stage ${a.stageKey}`);
      return (
        needRole(actor, ['handler']) ??
        needLeadUnit(actor, s) ??
        (target !== stage
          ? reject('INVALID_STATE', `阶段“${target.name}”不是当前阶段`, `Stage ${target.key} is not the current stage`)
          : null) ??
        (target.closure ? reject('INVALID_STATE', '销号由督查室办理', 'Closure is done by a supervisor') : null) ??
        (target.status === 'open' || target.status === 'returned'
          ? null
          : reject(
              'INVALID_STATE',
              `阶段“${target.name}”当前不能提交（${STAGE_STATUS_LABELS[target.status] ?? target.status}）`,
              `Stage cannot be submitted while ${target.status}`,
            )) ??
        needText(a.note, 'note', '请填写办理情况说明', 'A note is required') ??
        (target.requiresEvidence && !a.evidenceIds?.length
          ? reject('BAD_INPUT', `阶段“${target.name}”须上传佐证材料`, 'This stage requires evidence', 'evidenceIds')
          : null) ??
        (target.milestoneQuantity !== undefined && !(typeof a.quantity === 'number' && a.quantity >= 0)
          ? reject('BAD_INPUT', '请填报截至目前的完成数量', 'Report the quantity completed so far', 'quantity')
          : null) ??
        (target.targetQuantity !== undefined && !(typeof a.quantity === 'number' && a.quantity >= target.targetQuantity)
          ? reject(
              'BAD_INPUT',
              `须填报完成数量，且不少于目标 ${target.targetQuantity}`,
              `Report the completed quantity, at least ${target.targetQuantity}`,
              'quantity',
            )
          : null)
      );
    }
    case 'cooperateFeedback':
    case 'confirmCooperation': {
      const head = action === 'confirmCooperation';
      const roleCheck = needRole(actor, [head ? 'unit-head' : 'handler']);
      if (roleCheck) return roleCheck;
      const unit = actor.unitCode ?? '';
      if (!s.cooperatingUnits.includes(unit)) {
        return reject(
          'FORBIDDEN_UNIT',
          '只有配合单位可以提交配合反馈',
          'Only a cooperating unit may give cooperation feedback',
        );
      }
      if (!stage || stage.status !== 'awaiting-cooperation') {
        return reject('INVALID_STATE', '当前阶段不在等待配合反馈', 'The stage is not waiting for cooperation feedback');
      }
      const entry = stage.cooperation[unit] ?? {};
      if (head) {
        if (!entry.feedback)
          return reject('INVALID_STATE', '本单位尚未提交配合反馈', 'Your unit has not given feedback yet');
        if (entry.confirmed) return reject('INVALID_STATE', '本单位配合反馈已确认', 'Already confirmed');
        return null;
      }
      if (entry.confirmed)
        return reject('INVALID_STATE', '本单位配合反馈已确认，不能修改', 'Feedback already confirmed');
      return needText(
        (args as TaskActionArgs['cooperateFeedback']).note,
        'note',
        '请填写配合反馈',
        'Feedback text is required',
      );
    }
    case 'approve':
    case 'returnStage': {
      // 核实 before 销号: the supervisor who finds the work not done sends it back, with why.
      if (action === 'returnStage' && stage?.closure) {
        return checkVerificationRefusal(args as TaskActionArgs['returnStage'], s, stage);
      }
      const check = needRole(actor, ['unit-head']) ?? needLeadUnit(actor, s);
      if (check) return check;
      const allowed = action === 'approve' ? ['submitted'] : ['submitted', 'awaiting-cooperation'];
      if (!stage || !allowed.includes(stage.status)) {
        return reject('INVALID_STATE', '当前阶段没有待审批的提交', 'The current stage has no submission to decide');
      }
      if (stage.submission?.by === actor.userId) {
        return reject('SELF_APPROVAL', '不能审批自己提交的材料', 'You cannot decide on your own submission');
      }
      return action === 'returnStage'
        ? needText(
            (args as TaskActionArgs['returnStage']).reason,
            'reason',
            '退回须填写理由',
            'A reason is required to return',
          )
        : null;
    }
    case 'requestExtension': {
      const a = args as TaskActionArgs['requestExtension'];
      const check = needRole(actor, ['handler', 'unit-head']) ?? needLeadUnit(actor, s);
      if (check) return check;
      if (!stage || stage.closure || !stage.dueAt || stage.status === 'approved') {
        return reject('INVALID_STATE', '当前阶段不能申请延期', 'The current stage cannot be extended');
      }
      if (s.pendingExtension)
        return reject('INVALID_STATE', '已有待审批的延期申请', 'An extension request is already pending');
      const dateRefusal = needServedDate(a.newDueDate, 'newDueDate', '新的期限');
      if (dateRefusal) return dateRefusal;
      if (a.newDueDate <= shanghaiDay(stage.dueAt)) {
        return reject(
          'BAD_INPUT',
          '新的期限须晚于当前期限',
          'The new due date must be later than the current one',
          'newDueDate',
        );
      }
      return needText(a.reason, 'reason', '申请延期须填写理由', 'A reason is required');
    }
    case 'decideExtension': {
      const check = needRole(actor, ['deputy-director']);
      if (check) return check;
      if (!(actor.deputyUnits ?? []).includes(s.leadUnit)) {
        return reject(
          'FORBIDDEN_UNIT',
          '只有分管该单位的领导可以审批延期',
          'Only the deputy director in charge of the lead unit decides',
        );
      }
      return s.pendingExtension
        ? null
        : reject('INVALID_STATE', '没有待审批的延期申请', 'No extension request is pending');
    }
    case 'reassign': {
      const a = args as TaskActionArgs['reassign'];
      return (
        needRole(actor, ['supervisor']) ??
        (a.newLeadUnit && a.newLeadUnit !== s.leadUnit
          ? null
          : reject(
              'BAD_INPUT',
              '请指定新的牵头单位（不同于当前）',
              'Name a new lead unit different from the current one',
              'newLeadUnit',
            )) ??
        needText(a.reason, 'reason', '改派须填写理由', 'A reason is required')
      );
    }
    case 'suspend':
      return (
        needRole(actor, ['supervisor']) ??
        (s.status === 'active' ? null : reject('INVALID_STATE', '任务不在办理中', 'The task is not active')) ??
        needText((args as TaskActionArgs['suspend']).reason, 'reason', '暂停须填写理由', 'A reason is required')
      );
    case 'resume':
      return (
        needRole(actor, ['supervisor']) ??
        (s.status === 'suspended' ? null : reject('INVALID_STATE', '任务未暂停', 'The task is not suspended'))
      );
    case 'cancel':
      return (
        needRole(actor, ['supervisor']) ??
        needText((args as TaskActionArgs['cancel']).reason, 'reason', '撤销须填写理由', 'A reason is required')
      );
    case 'close':
      return (
        needVerifier(actor, s) ??
        (stage?.closure && stage.status === 'open'
          ? null
          : reject('INVALID_STATE', '各阶段完成并审批后才能销号', 'All stages must be approved before closure')) ??
        // A rectification task is closed only after every problem of its ledger is.
        ((s.problems ?? []).some((p) => p.status === 'open')
          ? reject(
              'INVALID_STATE',
              `整改台账中还有 ${(s.problems ?? []).filter((p) => p.status === 'open').length} 个问题未销号`,
              'Every problem of the rectification ledger must be closed first',
            )
          : null)
      );
    case 'addProblem': {
      const a = args as TaskActionArgs['addProblem'];
      if (!(actor.role === 'supervisor' || (actor.role === 'unit-head' && actor.unitCode === s.leadUnit))) {
        return reject(
          'FORBIDDEN_ROLE',
          '只有督查室或牵头单位负责人可以登记整改问题',
          'Only a supervisor or the lead unit head may add a problem',
        );
      }
      if (s.kind !== 'rectification' || s.parent) {
        return reject('INVALID_STATE', '只有整改类任务有整改台账', 'Only a rectification task has a problem ledger');
      }
      if (stage?.closure) {
        return reject('INVALID_STATE', '任务已进入销号阶段，不能再登记问题', 'The task is awaiting closure');
      }
      if (!/^[A-Za-z0-9_-]{1,40}$/.test(a.problemId ?? '')) {
        return reject(
          'BAD_INPUT',
          '问题编号须为 1–40 位字母、数字、-、_',
          'problemId must match [A-Za-z0-9_-]{1,40}',
          'problemId',
        );
      }
      if ((s.problems ?? []).some((p) => p.problemId === a.problemId)) {
        return reject(
          'BAD_INPUT',
          `问题 ${a.problemId} 已登记`,
          `Problem ${a.problemId} is already in the ledger`,
          'problemId',
        );
      }
      const dueRefusal = needServedDate(a.dueDate, 'dueDate', '整改期限');
      if (dueRefusal) return dueRefusal;
      return needText(a.title, 'title', '请填写问题描述', 'A problem title is required');
    }
    case 'comment':
      return canSeeTask(actor, s) || actor.role === 'admin'
        ? needText((args as TaskActionArgs['comment']).text, 'text', '评论不能为空', 'Comment text is required')
        : reject('FORBIDDEN_UNIT', '无权查看该任务', 'You cannot see this task');
    default:
      return reject('BAD_INPUT', `未知操作 ${String(action)}`, `Unknown action ${String(action)}`);
  }
}

/** The office (or the verifying unit's head) refusing the closure (核实未通过): the work goes back to the last stage before it. */
function checkVerificationRefusal(
  a: TaskActionArgs['returnStage'],
  s: TaskSnapshot,
  closure: StageState,
): TaskRejection | null {
  return (
    needVerifier(a.actor, s) ??
    (closure.status === 'open' && s.stages.indexOf(closure) > 0
      ? null
      : reject('INVALID_STATE', '当前没有待核实销号的成果', 'Nothing awaits verification')) ??
    needText(a.reason, 'reason', '核实未通过须填写理由', 'A reason is required to refuse closure')
  );
}

/** Shanghai calendar day of an ISO instant (UTC+8, no DST). */
function shanghaiDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Whether `actor` may upload evidence (佐证材料) to stage `stageKey` of a task in state `s`: only
 * for the current stage, and only who acts on it now — the lead unit's handler while the stage is
 * open or returned, a cooperating unit's handler while it waits for their feedback, a supervisor
 * (or the verifying unit's staff) for the closure check (核实 record). Null when allowed.
 */
export function checkEvidenceUpload(actor: ActorRef, s: TaskSnapshot, stageKey: string): TaskRejection | null {
  if (s.status !== 'active') {
    return reject('INVALID_STATE', '任务不在办理中，不能上传佐证材料', 'The task is not active');
  }
  // The item's source document (来源文件) is the office's to attach, whatever stage the work is at.
  if (stageKey === SOURCE_DOCUMENT_KEY) {
    return actor.role === 'supervisor' || actor.role === 'admin'
      ? null
      : reject('FORBIDDEN_ROLE', '来源文件由督查室上传', 'Only the supervision office attaches the source document');
  }
  if (pendingReceipt(s)) {
    return reject('INVALID_STATE', '任务尚未签收，请牵头单位负责人先签收', 'The task must be acknowledged first');
  }
  const stage = s.stages.find((st) => st.key === stageKey);
  if (!stage) return reject('NOT_FOUND_STAGE', `没有阶段 ${stageKey}`, `No stage ${stageKey}`);
  if (stage.key !== s.currentStageKey) {
    return reject('INVALID_STATE', `阶段“${stage.name}”不是当前阶段`, `Stage ${stage.key} is not the current stage`);
  }
  const unit = actor.unitCode ?? '';
  // The on-site check record (核实) at closure: the office, or the verifying unit's staff.
  const allowed = stage.closure
    ? actor.role === 'supervisor' ||
      (!!s.verifyingUnit && unit === s.verifyingUnit && (actor.role === 'handler' || actor.role === 'unit-head'))
    : actor.role === 'handler' &&
      ((unit === s.leadUnit && (stage.status === 'open' || stage.status === 'returned')) ||
        (stage.status === 'awaiting-cooperation' && s.cooperatingUnits.includes(unit)));
  return allowed
    ? null
    : reject(
        'FORBIDDEN_ROLE',
        `只有当前办理“${stage.name}”的承办人可以上传佐证材料`,
        `Only whoever acts on stage ${stage.key} now may upload evidence to it`,
      );
}
