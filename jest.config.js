// Three suites: unit tests beside the code, workflow tests on the time-skipping server,
// end-to-end tests on the real Temporal dev server and PostgreSQL (started by scripts/test.sh).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
  },
];
// The @duban/* path aliases of tsconfig.json (swc rewrites them in dist/ from .swcrc).
const { paths } = require('./tsconfig.json').compilerOptions;
const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [
    `^${alias.replace('/*', '/(.*)')}$`,
    `<rootDir>/${target.replace('*', '$1')}`,
  ]),
);
// Stryker's sandboxes (.stryker-tmp*) are copies of the tree: never tests or modules of this one.
const sandboxes = ['<rootDir>/\\.stryker-tmp'];
const common = {
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  modulePathIgnorePatterns: sandboxes,
  testPathIgnorePatterns: ['/node_modules/', ...sandboxes],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,workflows,activities,scripts}/**/*.spec.ts'] },
    { ...common, displayName: 'workflows', testMatch: ['<rootDir>/test/workflows/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    // Fault tests (issue 8): each file starts its own Temporal, PostgreSQL, worker and API processes.
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.test.ts'] },
  ],
};
