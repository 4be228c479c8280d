import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Another package is reached by its alias, never by climbing out of this one. */
const NO_CLIMBING = {
  regex: '^(\\.\\./){3,}',
  message: 'Import another package by its alias (@duban/domain/…, see tsconfig.json paths).',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      '.tools/**',
      'coverage/**',
      'reports/**',
      '.stryker-tmp*/**',
      'jest.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // Another package is reached by its alias (@duban/domain/…, tsconfig.json paths), never by
    // climbing out of this one.
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [NO_CLIMBING],
        },
      ],
    },
  },
  {
    // SQL lives in libs/persistence: the API reaches the database only through its repositories
    // (TaskRepository …, Transactions for what must commit together). The exceptions build
    // repositories over a DataSource of their own (CLI, benchmarks' query service, the calendar
    // provider), probe the pool (health) or translate the driver's errors (the problem filter).
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      'apps/api/src/cli/**',
      'apps/api/src/health/health.controller.ts',
      'apps/api/src/calendar/calendar-store.provider.ts',
      'apps/api/src/common/problem-details.filter.ts',
      'apps/api/src/tasks/task-query-over.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_CLIMBING,
            {
              group: ['typeorm', '@nestjs/typeorm'],
              message: 'Reach the database through a repository of libs/persistence/src/repositories.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure and bundled into workflows, whose bundler knows no aliases: it imports
    // nothing of the other packages.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@duban/*'], message: 'libs/domain imports only itself (relative paths).' }] },
      ],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: only the workflow SDK and pure domain code.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'typeorm',
                'pg',
                'fs',
                'node:*',
                '@nestjs/*',
                'nodemailer',
                '@temporalio/client',
                '@temporalio/worker',
                '@temporalio/activity',
              ],
              message: 'Workflow code must stay deterministic: import only @temporalio/workflow and libs/domain.',
            },
            {
              group: [
                '**/libs/persistence/**',
                '**/libs/notify/**',
                '**/libs/temporal/**',
                '**/libs/workplan/**',
                '**/activities/**',
                '**/apps/**',
                '@duban/*',
              ],
              message: 'Workflows may import only libs/domain, by relative path (the bundler knows no aliases).',
            },
          ],
        },
      ],
    },
  },
  {
    // Temporal by its typed contract only (libs/domain/src/**/…-messages.ts, the workflow types):
    // a workflow, update, signal or query named by a string literal compiles whatever it names.
    files: ['apps/**/*.ts', 'activities/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name=/^(executeUpdate|startUpdate|executeUpdateWithStart|signal|signalWithStart)$/][arguments.0.type='Literal']",
          message:
            'Name Temporal messages by their definitions (taskUpdates.approve, calendarChangedSignal …), not by string.',
        },
        {
          selector:
            "CallExpression[callee.property.name='query'][arguments.0.type='Literal'][arguments.0.value=/^[a-z][A-Za-z]*$/]",
          message: 'Name Temporal queries by their definitions (getStateQuery …), not by string.',
        },
        {
          selector:
            "CallExpression[callee.object.property.name='workflow'][callee.property.name=/^(start|execute|signalWithStart)$/][arguments.0.type='Literal']",
          message: 'Start workflows by their contract: start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, …).',
        },
      ],
    },
  },
  {
    // One validated config per process: the environment is read only by the config loaders
    // (…-config.ts, config/), the command-line tools and tests; a bad value stops the start with one line.
    files: ['apps/**/*.ts', 'activities/**/*.ts', 'libs/**/*.ts', 'workflows/**/*.ts'],
    ignores: [
      '**/*-config.ts',
      '**/config/**',
      '**/cli/**',
      '**/testing/**',
      '**/*.spec.ts',
      'apps/api/src/auth/jwt-secret.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read settings through the process config loader, not process.env.',
        },
      ],
    },
  },
);
