// Lint makes the conventions true (docs: STYLE.md): type-aware checks on promises and type imports,
// workflows/ kept free of Node, Prisma, Nest, pg and I/O, and no import cycles. `npm run lint`.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const WHY = 'Workflow code runs in the deterministic sandbox: no Node built-ins, database, Nest or I/O (activities do that).';
// Exact module names (a pattern would also match a folder of ours called `domain` or `events`).
const MODULES_NOT_IN_WORKFLOWS = [
  ...builtinModules.flatMap((name) => [name, `node:${name}`]),
  'pg',
  'nodemailer',
  'pino',
  'prisma',
  '@temporalio/worker',
  '@temporalio/client',
  '@temporalio/activity',
];
const PATTERNS_NOT_IN_WORKFLOWS = ['@prisma/*', '@nestjs/*', '**/libs/db/**', '**/libs/mail/**', '**/libs/outbox/**', '**/libs/devtools/**'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', '.tools/', 'coverage/', 'libs/db/generated/', 'web/dist/', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        // The web app's specs live in their own tsconfig (jest types, DOM libs); the service does not look there.
        projectService: { allowDefaultProject: ['prisma.config.ts', 'apps/web/vite.config.ts', 'apps/web/src/lib/*.spec.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': 'error',
      // A module-level pipe used only in a parameter decorator (`@Param('id', deliveryId)`) counts as unused to it.
      'no-useless-assignment': 'off',
      // A closure may read a variable assigned after it is made (a server's handler, the server it belongs to).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // React calls event handlers for their effect; a handler that returns a promise is the usual async click.
    files: ['apps/web/**/*.tsx'],
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }] },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: MODULES_NOT_IN_WORKFLOWS.map((name) => ({ name, message: WHY })),
          patterns: [{ group: PATTERNS_NOT_IN_WORKFLOWS, message: WHY }],
        },
      ],
    },
  },
);
