import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.tools/**', 'coverage/**', 'jest.config.js'] },
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
              ],
              message: 'Workflows may import only libs/domain.',
            },
          ],
        },
      ],
    },
  },
);
