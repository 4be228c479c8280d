import { Logger } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  INDICATOR_WORKFLOW_TYPE,
  IndicatorWorkflowInput,
  indicatorWorkflowId,
} from '@duban/domain/kpi/indicator-workflow-contract';
import { IndicatorReportingWorkflow } from '@duban/domain/kpi/indicator-messages';
import { IndicatorRepository } from '@duban/persistence/repositories/indicator-repository';
import { apiConfig } from '../config/api-config';

export const INDICATOR_WORKFLOW_STARTER = Symbol('INDICATOR_WORKFLOW_STARTER');

/**
 * Starts one reporting workflow per numeric indicator of an imported plan, with the id
 * `<plan>/kpi/<target>.<seq>` and REJECT_DUPLICATE: a re-import never starts a twin. Qualitative
 * targets have no readings, so no workflow.
 */
export class IndicatorWorkflowStarter {
  private readonly logger = new Logger(IndicatorWorkflowStarter.name);
  private readonly margin = apiConfig().kpiWarningMargin;

  constructor(
    private readonly client: Client,
    private readonly indicators: IndicatorRepository,
    private readonly taskQueue: string,
  ) {}

  async ensureStarted(planId: string): Promise<{ started: number; existing: number }> {
    const counts = { started: 0, existing: 0 };
    const records = await this.indicators.records({ planId });
    for (const r of records.filter((x) => !x.definition.qualitative && x.definition.target !== null)) {
      const input: IndicatorWorkflowInput = { definition: r.definition, margin: r.margin ?? this.margin };
      try {
        await this.client.workflow.start<IndicatorReportingWorkflow>(INDICATOR_WORKFLOW_TYPE, {
          workflowId: indicatorWorkflowId(planId, r.definition.targetCode, r.seq),
          taskQueue: this.taskQueue,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
        counts.started++;
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        counts.existing++;
      }
    }
    this.logger.log(`plan ${planId}: ${counts.started} indicator workflows started, ${counts.existing} already there`);
    return counts;
  }
}
