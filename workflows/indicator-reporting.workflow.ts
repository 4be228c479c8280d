import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { shanghaiDate } from '../libs/domain/src/calendar/shanghai-time';
import { computeIndicatorStatus } from '../libs/domain/src/kpi/indicator-standing';
import { IndicatorLight, IndicatorReadingView } from '../libs/domain/src/kpi/indicator-status';
import {
  DEFAULT_READING_DUE_WORKDAYS,
  INDICATOR_ACTIVITY_OPTIONS,
  INDICATOR_POLICY,
  IndicatorActivities,
  IndicatorEvent,
  IndicatorWorkflowInput,
  IndicatorWorkflowState,
} from '../libs/domain/src/kpi/indicator-workflow-contract';
import {
  indicatorSettingsSignal,
  indicatorStateQuery,
  IndicatorReportingWorkflow,
  readingEnteredSignal,
} from '../libs/domain/src/kpi/indicator-messages';
import { periodsOfYear } from '../libs/domain/src/kpi/reporting-periods';
import { NotificationRequest } from '../libs/domain/src/task/task-types';

/**
 * One workflow per numeric indicator for the plan year: after each reporting period ends it waits
 * for the period's reading, reminds (催办) the owner unit before the reading is due and escalates
 * (督办) after, on workday instants planned by an activity. Each reading entered through the API
 * arrives as a signal; the workflow recomputes the indicator's standing (pure domain code) and
 * warns the owner when the light worsens to yellow or red. Continues as new when history grows.
 */

const quick = proxyActivities<
  Pick<IndicatorActivities, 'planReadingTimers' | 'listIndicatorReadings' | 'recordIndicatorReminder'>
>(INDICATOR_ACTIVITY_OPTIONS.quick);
const notifications = proxyActivities<Pick<IndicatorActivities, 'notify'>>(INDICATOR_ACTIVITY_OPTIONS.notification);

const HISTORY_EVENT_LIMIT = 8000;
const MAX_EVENTS_IN_STATE = 200;
const LIGHT_RANK: Record<IndicatorLight, number> = { none: 0, green: 0, yellow: 1, red: 2 };

export async function indicatorReportingWorkflow(
  input: IndicatorWorkflowInput,
  carried?: { state: IndicatorWorkflowState; reloadReadings?: boolean },
): Promise<IndicatorWorkflowState> {
  // Owner, method and margin may change while the workflow runs (settings signal).
  let def = input.definition;
  let margin = input.margin;
  /** Set when the reporting period changes: the year's loop restarts on the new periods. */
  let restartWith: IndicatorWorkflowInput | null = null;
  const spans = periodsOfYear(def.year, def.period);
  const s: IndicatorWorkflowState = carried?.state ?? {
    indicatorId: def.indicatorId,
    readings: [],
    periodIndex: 0,
    light: 'none',
    standing: null,
    events: [],
  };
  const readings = new Map(s.readings.map((r) => [r.period, r]));
  const pending: Promise<void>[] = [];
  const id = workflowInfo().workflowId;
  const nowIso = () => new Date(Date.now()).toISOString();
  const event = (e: Omit<IndicatorEvent, 'at'>) => {
    s.events.push({ at: nowIso(), ...e });
    if (s.events.length > MAX_EVENTS_IN_STATE) s.events.splice(0, s.events.length - MAX_EVENTS_IN_STATE);
  };
  const owner = () => def.ownerUnit ?? '*';
  const notify = (request: Omit<NotificationRequest, 'taskId' | 'taskRef'>) => {
    pending.push(
      notifications
        .notify({ ...request, taskId: id, taskRef: { planId: def.planId, taskCode: id.slice(def.planId.length + 1) } })
        .catch(() => event({ action: 'reminder', detail: `notification-failed ${request.dedupKey}` })),
    );
  };

  /** Recomputes the standing for today; warns the owner when the light got worse. */
  const refresh = () => {
    s.readings = [...readings.values()].sort((a, b) => a.period.localeCompare(b.period));
    const views: IndicatorReadingView[] = s.readings.map((r) => ({ ...r, enteredBy: null, enteredAt: '' }));
    const standing = computeIndicatorStatus(def, views, { asOf: shanghaiDate(Date.now()), margin });
    const before = s.light;
    s.standing = standing;
    s.light = standing.light;
    if (standing.light !== before) event({ action: 'light-changed', detail: `${before} → ${standing.light}` });
    if (LIGHT_RANK[standing.light] > LIGHT_RANK[before]) {
      notify({
        dedupKey: `${id}/warning/${standing.light}/${s.readings.length}`,
        kind: 'escalation',
        level: standing.light === 'red' ? 2 : 1,
        recipients: [
          { unitCode: owner(), role: 'handler' },
          { unitCode: owner(), role: 'unit-head' },
          ...(standing.light === 'red' ? [{ unitCode: '*', role: 'supervisor' }] : []),
        ],
        title: `指标预警（${standing.light === 'red' ? '红灯' : '黄灯'}）：${def.name}`,
        body: standing.lightReason,
      });
    }
  };

  setHandler(indicatorStateQuery, () => ({ ...s }));
  setHandler(readingEnteredSignal, (r) => {
    readings.set(r.period, r);
    event({ action: 'reading', period: r.period, detail: String(r.value) });
    refresh();
  });
  setHandler(indicatorSettingsSignal, (settings) => {
    event({ action: 'settings', detail: `${settings.ownerUnit ?? '-'} ${settings.period} ${settings.method}` });
    const next = { ...def, ownerUnit: settings.ownerUnit, period: settings.period, method: settings.method };
    if (settings.period !== def.period) restartWith = { ...input, definition: next, margin: settings.margin };
    else {
      def = next;
      margin = settings.margin;
      refresh();
    }
  });

  if (!carried || carried.reloadReadings) {
    for (const r of await quick.listIndicatorReadings({ indicatorId: def.indicatorId })) {
      if (!readings.has(r.period)) readings.set(r.period, r);
    }
    refresh();
  }

  const msUntil = (iso: string) => Date.parse(iso) - Date.now();
  for (; s.periodIndex < spans.length; s.periodIndex++) {
    const period = spans[s.periodIndex].period;
    const has = () => readings.has(period);
    const wake = () => has() || restartWith !== null;
    if (has()) continue;
    const plan = await quick.planReadingTimers({
      period,
      year: def.year,
      reportingPeriod: def.period,
      dueWorkdays: input.dueWorkdays ?? DEFAULT_READING_DUE_WORKDAYS,
      policy: input.policy ?? INDICATOR_POLICY,
    });
    if (msUntil(plan.periodEndsAt) > 0 && (await condition(wake, msUntil(plan.periodEndsAt)))) {
      if (restartWith) break;
      continue;
    }
    refresh(); // the period ended: cumulative pace and missing periods move on
    const timers = [
      ...plan.reminders.map((r) => ({ kind: 'reminder' as const, level: r.offsetWorkdays, at: r.at, to: 'handler' })),
      ...plan.escalations.map((e) => ({ kind: 'escalation' as const, level: e.level, at: e.at, to: e.to })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    for (const t of timers) {
      // A timer already past when the wait starts (indicator imported mid-year) is not sent late.
      if (msUntil(t.at) < 0) continue;
      if (await condition(wake, msUntil(t.at))) break;
      event({ action: t.kind, period, level: t.level });
      const recipients =
        t.kind === 'reminder'
          ? [
              { unitCode: owner(), role: 'handler' },
              { unitCode: owner(), role: 'unit-head' },
            ]
          : [{ unitCode: t.to === 'unit-head' ? owner() : '*', role: t.to }];
      notify({
        dedupKey: `${id}/${period}/${t.kind}/${t.level}`,
        kind: t.kind,
        level: t.kind === 'escalation' ? t.level : undefined,
        recipients,
        title: `${t.kind === 'reminder' ? '催办' : '督办'}：${def.name} ${period} 数据未报送`,
        body: `请于 ${shanghaiDate(plan.dueAt)} 前报送 ${period} 的指标数据（${def.name}）。`,
      });
      await quick.recordIndicatorReminder({
        indicatorId: def.indicatorId,
        period,
        kind: t.kind,
        level: t.level,
        at: t.at,
      });
    }
    if (restartWith) break;
    event({ action: 'period-closed', period, detail: has() ? 'reported' : 'missing' });
    if (workflowInfo().historyLength > (input.historyEvents ?? HISTORY_EVENT_LIMIT)) {
      await Promise.all(pending);
      await continueAsNew<typeof indicatorReportingWorkflow>(input, {
        state: { ...s, periodIndex: s.periodIndex + 1 },
      });
    }
  }
  if (restartWith) {
    // Past periods of the new kind are walked again: their timers already past are skipped, and
    // notifications carry dedup keys, so nothing is sent twice.
    await Promise.all(pending);
    await continueAsNew<typeof indicatorReportingWorkflow>(restartWith, {
      state: { ...s, readings: [], periodIndex: 0 },
      reloadReadings: true,
    });
  }
  refresh();
  await Promise.all(pending);
  return s;
}

// The workflow keeps the shape its contract promises the API and the tests.
const _conformsToContract: IndicatorReportingWorkflow = indicatorReportingWorkflow;
