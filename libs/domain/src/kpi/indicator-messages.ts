import { defineQuery, defineSignal } from '@temporalio/workflow';
import {
  INDICATOR_SETTINGS_SIGNAL,
  INDICATOR_STATE_QUERY,
  IndicatorSettingsSignal,
  IndicatorWorkflowInput,
  IndicatorWorkflowState,
  READING_ENTERED_SIGNAL,
  ReadingSignal,
} from './indicator-workflow-contract';

/**
 * The typed contract of the indicator reporting workflow, shared by the workflow, the API and the
 * tests: its shape, its signals and its query as definitions (a wrong name or payload does not compile).
 */
export type IndicatorReportingWorkflow = (input: IndicatorWorkflowInput) => Promise<IndicatorWorkflowState>;

export const readingEnteredSignal = defineSignal<[ReadingSignal]>(READING_ENTERED_SIGNAL);
export const indicatorSettingsSignal = defineSignal<[IndicatorSettingsSignal]>(INDICATOR_SETTINGS_SIGNAL);
export const indicatorStateQuery = defineQuery<IndicatorWorkflowState>(INDICATOR_STATE_QUERY);
