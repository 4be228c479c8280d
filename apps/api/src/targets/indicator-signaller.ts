import { Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { SignalDefinition } from '@temporalio/common';
import { indicatorSettingsSignal, readingEnteredSignal } from '@duban/domain/kpi/indicator-messages';
import {
  IndicatorSettingsSignal,
  indicatorWorkflowId,
  ReadingSignal,
} from '@duban/domain/kpi/indicator-workflow-contract';

type IndicatorRef = { planId: string; targetCode: string; seq: number };

/**
 * Tells an indicator's reporting workflow that a reading was entered, so it stops reminding for
 * that period and recomputes the light. The reading is already committed: a workflow that is not
 * running (plan year over, never started) is not an error — it reads the table when it starts.
 */
export function signalReading(client: Client, target: IndicatorRef, reading: ReadingSignal, logger: Logger) {
  return signalIndicator(client, target, readingEnteredSignal, reading, logger);
}

/** Tells the workflow the indicator's new owner, period, method or margin (already committed). */
export function signalSettings(
  client: Client,
  target: IndicatorRef,
  settings: IndicatorSettingsSignal,
  logger: Logger,
) {
  return signalIndicator(client, target, indicatorSettingsSignal, settings, logger);
}

async function signalIndicator<P>(
  client: Client,
  target: IndicatorRef,
  signal: SignalDefinition<[P]>,
  payload: P,
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
