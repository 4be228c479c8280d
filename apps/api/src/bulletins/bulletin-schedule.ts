import { Client, ScheduleAlreadyRunning, ScheduleOptionsAction, ScheduleSpec } from '@temporalio/client';
import {
  BULLETIN_WORKFLOW_TYPE,
  BulletinScheduleSpec,
  bulletinScheduleId,
} from '@duban/domain/bulletin/bulletin-schedule-spec';
import { BulletinWorkflowInput } from '@duban/domain/bulletin/bulletin-workflow-contract';

export function toScheduleSpec(spec: BulletinScheduleSpec): ScheduleSpec {
  return spec.kind === 'calendar'
    ? { calendars: [{ dayOfWeek: spec.dayOfWeek, hour: spec.hour, minute: spec.minute }], timezone: spec.timezone }
    : { cronExpressions: [spec.cron], timezone: spec.timezone };
}

/**
 * Creates the weekly bulletin schedule, or brings an existing one to the configured spec and task
 * queue: safe to run at every start of every API process. Overlaps are skipped; a run missed while
 * Temporal was down is caught up within a day.
 */
export async function ensureBulletinSchedule(
  client: Client,
  options: { taskQueue: string; spec: BulletinScheduleSpec; planId?: string },
): Promise<{ scheduleId: string; outcome: 'created' | 'updated' }> {
  const scheduleId = bulletinScheduleId(options.planId);
  const input: BulletinWorkflowInput = options.planId ? { planId: options.planId } : {};
  const spec = toScheduleSpec(options.spec);
  const action: ScheduleOptionsAction = {
    type: 'startWorkflow',
    workflowType: BULLETIN_WORKFLOW_TYPE,
    workflowId: scheduleId,
    taskQueue: options.taskQueue,
    args: [input],
  };
  try {
    await client.schedule.create({
      scheduleId,
      spec,
      action,
      policies: { overlap: 'SKIP', catchupWindow: '1 day' },
      memo: { purpose: '督办通报 weekly bulletin' },
    });
    return { scheduleId, outcome: 'created' };
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action }));
    return { scheduleId, outcome: 'updated' };
  }
}
