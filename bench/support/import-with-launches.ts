import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { PlanImportService } from '../../apps/api/src/plans/plan-import.service';
import { TaskLaunchFactory } from '../../apps/api/src/plans/task-launch';
import { taskLaunchFactory } from '../../apps/api/src/plans/task-launch.factory';
import { TemporalTaskWorkflowStarter } from '../../apps/api/src/plans/temporal-task-workflow-starter';
import { TaskWorkflowInput } from '@duban/domain/task/task-types';
import { PlanRepository } from '@duban/persistence/repositories/plan-repository';
import { Transactions } from '@duban/persistence/repositories/transactions';
import { UnitRepository } from '@duban/persistence/repositories/unit-repository';
import { CalendarStore } from '@duban/persistence/calendar/calendar-store';
import { dataSourceOptions } from '@duban/persistence/data-source-options';
import { parsePlan } from '@duban/workplan/parse-plan';
import { BenchSystem } from './bench-system';

/**
 * Imports a plan through the real PlanImportService and TemporalTaskWorkflowStarter (what
 * POST /plans/import runs), with the real launch factory wrapped so a benchmark can set each
 * task's dates and reminder policy. The workflow is the production one, unchanged.
 */
export async function importWithLaunches(
  sys: BenchSystem,
  document: string,
  planId: string,
  adjust: (input: TaskWorkflowInput) => void,
) {
  const connection = await Connection.connect({ address: sys.stack.temporalAddress });
  const ds = new DataSource(dataSourceOptions(sys.stack.databaseUrl));
  await ds.initialize();
  try {
    const real = taskLaunchFactory();
    const adjusted: TaskLaunchFactory = (plan, tree, leaf, assignment, calendar, receiptWorkdays) => {
      const launch = real(plan, tree, leaf, assignment, calendar, receiptWorkdays);
      adjust(launch.input);
      return launch;
    };
    const importer = new PlanImportService(
      new PlanRepository(ds),
      new UnitRepository(ds),
      new Transactions(ds),
      new TemporalTaskWorkflowStarter(new Client({ connection }), sys.stack.taskQueue),
      adjusted,
      undefined,
      new CalendarStore(ds),
    );
    const tree = await parsePlan(Buffer.from(document), { filename: `${planId}.txt` });
    // Without 签收, as the recorded figures were measured: a start is the work's clock alone.
    return await importer.importPlan(tree, { planId, receiptWorkdays: 0 });
  } finally {
    await ds.destroy().catch(() => undefined);
    await connection.close().catch(() => undefined);
  }
}
