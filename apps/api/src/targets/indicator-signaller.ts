import { Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import {
  indicatorWorkflowId,
  READING_ENTERED_SIGNAL,
  ReadingSignal,
} from '../../../../libs/domain/src/kpi/indicator-workflow-contract';

/**
 * Tells an indicator's reporting workflow that a reading was entered, so it stops reminding for
 * that period and recomputes the light. The reading is already committed: a workflow that is not
 * running (plan year over, never started) is not an error — it reads the table when it starts.
 */
export async function signalReading(
  client: Client,
  target: { planId: string; targetCode: string; seq: number },
  reading: ReadingSignal,
  logger: Logger,
): Promise<void> {
  const id = indicatorWorkflowId(target.planId, target.targetCode, target.seq);
  try {
    await client.workflow.getHandle(id).signal(READING_ENTERED_SIGNAL, reading);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return;
    logger.warn(`could not signal ${id}: ${(error as Error).message}`);
  }
}
