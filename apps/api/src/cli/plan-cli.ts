import { PlanTree } from '@duban/domain/plan/plan-tree';
import { ImportCommandOptions, runPlanCli } from '@duban/workplan/cli/plan-cli';

/**
 * `npm run plan -- parse FILE [--json]` and `npm run plan -- import FILE [--dry-run] [--plan-id ID]
 * [--create-units] [--confirm]`. Parsing loads the parser only; the server modules (Nest, the
 * database, Temporal) are loaded when an import asks for them.
 */
async function importPlan(tree: PlanTree, options: ImportCommandOptions) {
  const { importPlanIntoSystem } = await import('./plan-import-context');
  return importPlanIntoSystem(tree, options);
}

runPlanCli(process.argv.slice(2), { importPlan }).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
