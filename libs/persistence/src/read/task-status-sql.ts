import { TaskStatus } from '@duban/domain/task/task-types';

/**
 * The status sets the read side counts by, written once: done (销号; 'completed' is what rows
 * projected before closure existed say) and ended (done or 撤销). For SQL over `task t`.
 */
const DONE: (TaskStatus | 'completed')[] = ['completed', 'closed'];
const ENDED: (TaskStatus | 'completed')[] = [...DONE, 'cancelled'];
const list = (statuses: string[]) => statuses.map((s) => `'${s}'`).join(', ');

export const TASK_DONE_SQL = `t.status IN (${list(DONE)})`;
export const TASK_LIVE_SQL = `t.status NOT IN (${list(ENDED)})`;
