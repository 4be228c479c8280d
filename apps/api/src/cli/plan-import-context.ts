import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlanTree } from '@duban/domain/plan/plan-tree';
import { PersistenceModule } from '@duban/persistence/persistence.module';
import { ImportCommandOptions } from '@duban/workplan/cli/plan-cli';
import { PlanImportService } from '../plans/plan-import.service';
import { PlansModule } from '../plans/plans.module';
import { TemporalClientModule } from '../temporal/temporal-client.module';

/** Just what an import needs: the read model, Temporal, the import service. */
@Module({ imports: [PersistenceModule.forRoot({ migrationsRun: true }), TemporalClientModule, PlansModule] })
class PlanImportCliModule {}

/** Imports a parsed plan into the running system (DATABASE_URL, TEMPORAL_ADDRESS). */
export async function importPlanIntoSystem(tree: PlanTree, options: ImportCommandOptions) {
  const app = await NestFactory.createApplicationContext(PlanImportCliModule, { logger: ['error', 'warn'] });
  try {
    const flag = (name: string) => options.flags[name] === true || options.flags[name] === 'true';
    const planId = typeof options.flags['plan-id'] === 'string' ? (options.flags['plan-id'] as string) : undefined;
    return await app.get(PlanImportService).importPlan(tree, {
      planId,
      dryRun: options.dryRun,
      createUnknownUnits: flag('create-units'),
      confirm: flag('confirm'),
    });
  } finally {
    await app.close();
  }
}
