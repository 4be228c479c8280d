import type { ActivityOptions } from '@temporalio/common';
import type { BulletinContent, StoredBulletinRef } from './bulletin-content';

/** The contract between the API, the schedule, the weekly bulletin workflow and its activities. */

export interface BulletinWorkflowInput {
  /** The plan; unset → the most recently imported plan. */
  planId?: string;
  /** Instant the figures are taken at; unset → the schedule's action time, else workflow time. */
  at?: string;
}

export interface BulletinActivities {
  /** Computes the bulletin from the read model (task projection, escalations, KPI readings). */
  computeBulletin(args: { planId?: string; at: string }): Promise<BulletinContent>;
  /** Stores it once per plan and ISO week; a second call for the week returns the stored id. */
  storeBulletin(content: BulletinContent): Promise<StoredBulletinRef>;
  /** Sends it to supervisors, deputy directors and unit heads through every notification channel. */
  deliverBulletin(args: { id: string; planId: string; week: string; title: string; body: string }): Promise<void>;
}

/** Workflow id of an on-demand generation: one per plan and week, so a double click runs once. */
/** The weekly bulletin workflow's shape: `client.workflow.start<WeeklyBulletinWorkflow>(BULLETIN_WORKFLOW_TYPE, …)`. */
export type WeeklyBulletinWorkflow = (input?: BulletinWorkflowInput) => Promise<StoredBulletinRef>;

export function manualBulletinWorkflowId(planId: string, week: string): string {
  return `duban-weekly-bulletin/${planId}/${week}/manual`;
}

export const BULLETIN_ACTIVITY_OPTIONS = {
  read: { startToCloseTimeout: '2m', retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' } },
  delivery: {
    startToCloseTimeout: '2m',
    scheduleToCloseTimeout: '24h',
    retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '10m' },
  },
} satisfies Record<string, ActivityOptions>;
