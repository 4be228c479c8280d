import { ActorRef } from '@duban/domain/access/actor';
import { checkAction } from '@duban/domain/task/task-rules';
import { TaskAction, TaskActionArgs, TaskSnapshot } from '@duban/domain/task/task-types';

/** The actions the task page offers a form for, in the order the buttons appear. */
export const PAGE_ACTIONS = [
  'acknowledge',
  'decline',
  'submit',
  'approve',
  'returnStage',
  'cooperateFeedback',
  'confirmCooperation',
  'requestExtension',
  'decideExtension',
  'close',
  'reassign',
  'suspend',
  'resume',
  'cancel',
  'addProblem',
  'comment',
] as const satisfies readonly TaskAction[];

export type PageAction = (typeof PAGE_ACTIONS)[number];

export function isPageAction(value: string): value is PageAction {
  return (PAGE_ACTIONS as readonly string[]).includes(value);
}

/** Well-formed stand-ins for what the user will type, so only role, unit and state decide. */
function probeArgs(action: PageAction, actor: ActorRef): TaskActionArgs[PageAction] {
  const base = { actor, requestId: 'probe' };
  switch (action) {
    case 'requestExtension':
      return { ...base, reason: '…', newDueDate: '2099-12-31' };
    case 'decideExtension':
      return { ...base, approve: true };
    case 'reassign':
      return { ...base, reason: '…', newLeadUnit: 'probe-unit' };
    case 'comment':
      return { ...base, text: '…' };
    case 'addProblem':
      return { ...base, problemId: 'probe', title: '…', dueDate: '2099-12-31' };
    case 'returnStage':
    case 'decline':
    case 'suspend':
    case 'cancel':
      return { ...base, reason: '…' };
    default:
      return { ...base, note: '…' };
  }
}

/**
 * Which actions `actor` may take on the task now, by the same rule the workflow's validators and
 * the API use (checkAction). A refusal only about input the form will collect (BAD_INPUT, e.g.
 * evidence or a quantity) still offers the action; role, unit and state refusals hide it.
 */
export function availableActions(actor: ActorRef, snapshot: TaskSnapshot | null): PageAction[] {
  if (!snapshot) return [];
  return PAGE_ACTIONS.filter((action) => {
    const refusal = checkAction(action, probeArgs(action, actor), snapshot);
    return refusal === null || refusal.code === 'BAD_INPUT';
  });
}
