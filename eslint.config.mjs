// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import wmo from './tools/eslint/plugin.mjs';

/** The plumbing beneath the repositories: transactions, migrations, the job queue. */
const DATABASE_PLUMBING = ['libs/database/**', 'libs/tenancy/**', 'libs/jobs/**'];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.data/',
      'coverage/',
      'test-output/',
      '.bench/',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { wmo },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'wmo/library-boundaries': 'error',
    },
  },
  {
    files: ['libs/**/*.ts', 'apps/api/**/*.ts', 'apps/cli/**/*.ts', 'apps/worker/**/*.ts'],
    ignores: [...DATABASE_PLUMBING, '**/*.repository.ts', '**/*.spec.ts'],
    rules: { 'wmo/no-query-outside-repository': 'error' },
  },
  {
    files: ['**/*.ts'],
    ignores: DATABASE_PLUMBING,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/typeorm',
              importNames: ['InjectDataSource', 'InjectEntityManager', 'InjectRepository'],
              message:
                'Only libs/database and libs/tenancy reach the DataSource; take a transaction from ScopedDatabase.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // supertest's `res.body` is `any` by design: the specs assert its shape value by value.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
