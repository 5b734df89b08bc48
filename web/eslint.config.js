import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Preact's hooks follow React's rules, and react-hooks' two classic rules find hooks by
// name, so they check `preact/hooks` as they would React. Its React Compiler rules
// (`recommended`) know refs and hooks only when imported from 'react' and misread ours.
// No React-only plugin (eslint-plugin-react): JSX here is Preact's, with `class`.
export default tseslint.config(
  { ignores: ['dist/', 'node_modules/'] },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './tsconfig.node.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Testing Library's act() returns a thenable that only async callbacks need awaited.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', name: 'act', package: 'preact' }] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['vite.config.ts', 'vite-plugins/**/*.ts', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: {
      globals: { ...globals.browser, SwaggerUIBundle: 'readonly', SwaggerUIStandalonePreset: 'readonly' },
      sourceType: 'script',
    },
    // Plain ES5 served as is: `catch (e)` keeps its binding.
    rules: { 'no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
);
