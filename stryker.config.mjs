// Mutation testing of the rules that guard access, time and parsing (npm run test:mutation).
// Incremental: a re-run tests only the mutants whose code or tests changed since the last run
// (reports/stryker-incremental.json). Reports: reports/mutation/mutation.html and .json.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { configFile: 'jest.mutation.config.mjs', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    'libs/domain/src/**/*.ts',
    'libs/workplan/src/**/*.ts',
    '!**/*.spec.ts',
    '!**/*.fixtures.ts',
    '!**/testing/**',
    '!libs/workplan/src/cli/**',
    '!libs/workplan/src/corpus/**',
    '!libs/workplan/src/parse-worker.ts',
    '!libs/workplan/src/index.ts',
  ],
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 20000,
  ignoreStatic: true,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
};
