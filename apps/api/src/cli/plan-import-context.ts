import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlanTree } from '@duban/domain/plan/plan-tree';
import { PersistenceModule } from '@duban/persistence/persistence.module';
import { ImportCommandOptions } from '@duban/workplan/cli/plan-cli';
import { PlanImportService } from '../plans/plan-import.service';
import { PlansModule } from '../plans/plans.module';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { UnitRepository } from '@duban/persistence/repositories/unit-repository';
import { formatImportResult } from './format-import-result';
import { useRunningStack } from './running-stack';

/** Just what an import needs: the read model, Temporal, the import service. */
@Module({ imports: [PersistenceModule.forRoot({ migrationsRun: true }), TemporalClientModule, PlansModule] })
class PlanImportCliModule {}

/** Imports a parsed plan into the running system (DATABASE_URL and TEMPORAL_ADDRESS, else .data/stack.json). */
export async function importPlanIntoSystem(tree: PlanTree, options: ImportCommandOptions) {
  useRunningStack();
  const app = await NestFactory.createApplicationContext(PlanImportCliModule, { logger: ['error', 'warn'] });
  try {
    const flag = (name: string) => options.flags[name] === true || options.flags[name] === 'true';
    const planId = typeof options.flags['plan-id'] === 'string' ? (options.flags['plan-id'] as string) : undefined;
    const result = await app.get(PlanImportService).importPlan(tree, {
      planId,
      dryRun: options.dryRun,
      createUnknownUnits: flag('create-units'),
      confirm: flag('confirm'),
    });
    if (flag('json')) return JSON.stringify(result, null, 2);
    const units = await app.get(UnitRepository).all();
    return formatImportResult(result, new Map(units.map((u) => [u.code, u.name])));
  } finally {
    await app.close();
  }
}
