import type { ActivityOptions } from '@temporalio/common';
import { ESCALATION_LADDER, type TaskPolicy, type NotificationRequest } from '../task/task-types';
import type { IndicatorDefinition } from './indicator-standing';
import type { IndicatorLight, IndicatorStatusView } from './indicator-status';

/**
 * The contract between the API, the worker and the per-indicator reporting workflow: the workflow
 * waits for each period's reading after the period ends, reminds (催办) before the reading is due,
 * escalates (督办) after it, and warns the owner when the indicator's light turns yellow or red.
 */

export const INDICATOR_WORKFLOW_TYPE = 'indicatorReportingWorkflow';
/** Signal sent by the API when a reading is entered (or corrected). */
export const READING_ENTERED_SIGNAL = 'readingEntered';
export const INDICATOR_STATE_QUERY = 'getIndicatorState';
/** Signal sent by the API when a supervisor changes the owner unit, period, method or margin. */
export const INDICATOR_SETTINGS_SIGNAL = 'indicatorSettingsChanged';

/** Workflow id of an indicator: `<plan>/kpi/<target code>.<seq>` (stable across re-imports). */
export function indicatorWorkflowId(planId: string, targetCode: string, seq: number): string {
  return `${planId}/kpi/${targetCode}.${seq}`;
}

export interface ReadingSignal {
  period: string;
  value: number;
  goodDays?: number;
  validDays?: number;
}

/** The settings a running reporting workflow follows; a new period restarts the year's loop. */
export interface IndicatorSettingsSignal {
  ownerUnit: string | null;
  period: IndicatorDefinition['period'];
  method: IndicatorDefinition['method'];
  margin: number;
}

/** A reading is due this many workdays after its period ends (monitoring data needs a few days). */
export const DEFAULT_READING_DUE_WORKDAYS = 5;

/** Reminders 3 workdays before and on the due day; the ladder as for tasks. */
export const INDICATOR_POLICY: TaskPolicy = {
  reminderOffsets: [3, 0],
  ladder: ESCALATION_LADDER,
  yellowWindowWorkdays: 3,
  sendAt: { hour: 9, minute: 0 },
};

export interface IndicatorWorkflowInput {
  definition: IndicatorDefinition;
  /** Warning margin (fraction of the target), from KPI_WARNING_MARGIN when the workflow starts. */
  margin: number;
  dueWorkdays?: number;
  policy?: TaskPolicy;
  /** Operational limit: continue-as-new when the history grows past it. */
  historyEvents?: number;
}

/** When a period's reading is due and when to remind and escalate, on the workday calendar. */
export interface ReadingTimerPlan {
  period: string;
  /** The instant the period ends (00:00 Shanghai of the next day): the wait starts then. */
  periodEndsAt: string;
  dueAt: string;
  reminders: { offsetWorkdays: number; at: string }[];
  escalations: { level: number; to: string; at: string }[];
}

export interface IndicatorEvent {
  at: string;
  action: 'reminder' | 'escalation' | 'reading' | 'light-changed' | 'period-closed' | 'settings';
  period?: string;
  level?: number;
  detail?: string;
}

export interface IndicatorWorkflowState {
  indicatorId: string;
  readings: ReadingSignal[];
  /** Index into the year's periods of the one being waited for. */
  periodIndex: number;
  light: IndicatorLight;
  standing: IndicatorStatusView | null;
  events: IndicatorEvent[];
}

export interface IndicatorActivities {
  planReadingTimers(args: {
    period: string;
    year: number;
    reportingPeriod: string;
    dueWorkdays: number;
    policy: TaskPolicy;
  }): Promise<ReadingTimerPlan>;
  /** Readings already in the database (entered before the workflow started, or re-entered). */
  listIndicatorReadings(args: { indicatorId: string }): Promise<ReadingSignal[]>;
  /** Records a reminder or escalation of a missing reading in the read model (idempotent). */
  recordIndicatorReminder(args: {
    indicatorId: string;
    period: string;
    kind: 'reminder' | 'escalation';
    level: number;
    at: string;
  }): Promise<void>;
  notify(request: NotificationRequest): Promise<void>;
}

export const INDICATOR_ACTIVITY_OPTIONS = {
  quick: { startToCloseTimeout: '30s', retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' } },
  notification: {
    startToCloseTimeout: '1m',
    scheduleToCloseTimeout: '24h',
    retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '10m' },
  },
} satisfies Record<string, ActivityOptions>;
