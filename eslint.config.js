// Lint gate (run by `npm test` and CI): typescript-eslint's recommended rules, promises that are
// awaited or explicitly voided, and the import direction of STYLE.md (the domain folders stay free
// of web, database and application code; server/ reaches the data layer only through app/).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const domainBan = {
  patterns: [
    {
      group: ['express', 'express-*', 'typeorm', 'typeorm/*', 'pg', 'better-sqlite3', 'multer'],
      message: 'Domain code takes data as arguments: no HTTP or database libraries.',
    },
    {
      group: ['**/server', '**/server/**', '**/models', '**/models/**', '**/app', '**/app/**', '**/seeds', '**/seeds/**', '**/bin/**'],
      message: 'Domain folders import only other domain folders (forecasting → staffing → scheduling).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', '.build-test-*/**', '.bench-build/**', 'public/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false }, globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // chai's property assertions (`expect(x).to.be.true`) are expressions by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['forecasting/**/*.ts', 'staffing/**/*.ts', 'scheduling/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', domainBan],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Domain code takes the clock as an argument.',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Domain code takes the clock as an argument.' },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Domain code takes a seeded generator as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='now']",
          message: 'Domain code takes the clock as an argument.',
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/models/repositories', '**/models/repositories/*', '**/models/entities', '**/models/entities/*'],
              message: 'server/ reaches the data layer through app/ (use cases), never repositories directly.',
            },
            { group: ['typeorm', 'typeorm/*'], message: 'TypeORM lives in models/ only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.ts', 'bin/**/*.ts', 'seeds/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['express'],
          patterns: [
            { group: ['**/server/routes/**', '**/server/middleware/**'], message: 'Only server/ handles HTTP.' },
            { group: ['typeorm', 'typeorm/*'], message: 'TypeORM lives in models/ only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['models/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['express'],
          patterns: [{ group: ['**/server/**', '**/app/**'], message: 'models/ is the data layer: it imports no app or web code.' }],
        },
      ],
    },
  },
);
