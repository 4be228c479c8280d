import { Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import {
  INDICATOR_SETTINGS_SIGNAL,
  IndicatorSettingsSignal,
  indicatorWorkflowId,
  READING_ENTERED_SIGNAL,
  ReadingSignal,
} from '../../../../libs/domain/src/kpi/indicator-workflow-contract';

type IndicatorRef = { planId: string; targetCode: string; seq: number };

/**
 * Tells an indicator's reporting workflow that a reading was entered, so it stops reminding for
 * that period and recomputes the light. The reading is already committed: a workflow that is not
 * running (plan year over, never started) is not an error — it reads the table when it starts.
 */
export function signalReading(client: Client, target: IndicatorRef, reading: ReadingSignal, logger: Logger) {
  return signalIndicator(client, target, READING_ENTERED_SIGNAL, reading, logger);
}

/** Tells the workflow the indicator's new owner, period, method or margin (already committed). */
export function signalSettings(
  client: Client,
  target: IndicatorRef,
  settings: IndicatorSettingsSignal,
  logger: Logger,
) {
  return signalIndicator(client, target, INDICATOR_SETTINGS_SIGNAL, settings, logger);
}

async function signalIndicator(
  client: Client,
  target: IndicatorRef,
  signal: string,
  payload: ReadingSignal | IndicatorSettingsSignal,
  logger: Logger,
): Promise<void> {
  const id = indicatorWorkflowId(target.planId, target.targetCode, target.seq);
  try {
    await client.workflow.getHandle(id).signal(signal, payload);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return;
    logger.warn(`could not signal ${id}: ${(error as Error).message}`);
  }
}
