import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'test-results', 'playwright-report', 'bench/.data', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['server/src/**/*.presenter.ts'],
    rules: {
      // Presenters run for every answer: V8 gives `{ ...a, newKey }` fresh hidden classes on each call.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ObjectExpression > SpreadElement ~ Property',
          message:
            'Spread last, or write one literal: new keys after a spread allocate (ARCHITECTURE.md, "Hot paths").',
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.tsx'],
    rules: {
      // UI text lives in web/src/i18n only: literal words in JSX are refused.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/[A-Za-zÀ-ÿ]/]',
          message: 'No literal UI text in JSX: use t() and web/src/i18n.',
        },
        {
          selector:
            'JSXAttribute[name.name=/^(label|placeholder|title|aria-label|alt|description)$/] > Literal[value=/[A-Za-zÀ-ÿ]/]',
          message: 'No literal UI text in JSX attributes: use t() and web/src/i18n.',
        },
      ],
    },
  },
);
