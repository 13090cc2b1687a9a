// Lint rules. The kernel (src/model) must stay pure and deterministic so the same code runs in
// worker_threads and in a browser Web Worker: no Math.random, no Date.now, no node: imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impure = 'src/model must stay pure and deterministic (same code in worker_threads and a browser Web Worker)';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: `Use the seeded streams in rng.ts: ${impure}` },
        { object: 'Date', property: 'now', message: `Simulated time only: ${impure}` },
        { object: 'performance', property: 'now', message: `Simulated time only: ${impure}` },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'], message: impure }] },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: impure }, { name: 'require', message: impure }],
    },
  },
);
