import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import { StoredBulletinRef } from '../libs/domain/src/bulletin/bulletin-content';
import { bulletinSummaryText } from '../libs/domain/src/bulletin/bulletin-summary';
import { isoWeekLabel } from '../libs/domain/src/labels/labels';
import {
  BULLETIN_ACTIVITY_OPTIONS,
  BulletinActivities,
  BulletinWorkflowInput,
  WeeklyBulletinWorkflow,
} from '../libs/domain/src/bulletin/bulletin-workflow-contract';

/**
 * The weekly supervision bulletin (督办通报), started by the Monday schedule or on demand: compute
 * the figures from the read model, store them once per plan and ISO week, and deliver only what
 * was newly stored — so the same week generated twice is stored and sent once.
 */

const read = proxyActivities<Pick<BulletinActivities, 'computeBulletin' | 'storeBulletin'>>(
  BULLETIN_ACTIVITY_OPTIONS.read,
);
const delivery = proxyActivities<Pick<BulletinActivities, 'deliverBulletin'>>(BULLETIN_ACTIVITY_OPTIONS.delivery);

export async function weeklyBulletinWorkflow(input: BulletinWorkflowInput = {}): Promise<StoredBulletinRef> {
  const at = input.at ?? scheduledTime() ?? new Date(Date.now()).toISOString();
  const content = await read.computeBulletin({ planId: input.planId, at });
  const ref = await read.storeBulletin(content);
  if (ref.created) {
    await delivery.deliverBulletin({
      id: ref.id,
      planId: ref.planId,
      week: ref.week,
      title: `督办通报 ${isoWeekLabel(content.week)}：${content.planTitle}`,
      body: bulletinSummaryText(content),
    });
  }
  return ref;
}

/** A scheduled run (also a backfilled one) reports for the time it was scheduled at, not when it ran. */
function scheduledTime(): string | undefined {
  const value = workflowInfo().searchAttributes?.TemporalScheduledStartTime?.[0];
  if (value === undefined || value === null) return undefined;
  const date = new Date(value as string | Date);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

// The workflow keeps the shape its contract promises the API and the tests.
const _conformsToContract: WeeklyBulletinWorkflow = weeklyBulletinWorkflow;
