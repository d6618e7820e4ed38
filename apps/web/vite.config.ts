import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { precompress } from './precompress.plugin.js';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The web console is built into dist/web, which the API serves at `/`. It shares the server's pure
 * libraries (the rulebook, the machine's types, the calendar's types, the HTTP contract) through the same `#alias` names.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [precompress()],
  resolve: {
    alias: {
      '#rules': fromRoot('libs/rules/src/index.ts'),
      '#workflows/proposal': fromRoot('workflows/proposal/index.ts'),
      '#calendar': fromRoot('libs/calendar/src/index.ts'),
      '#kernel': fromRoot('libs/kernel/src/index.ts'),
      '#contracts': fromRoot('libs/contracts/src/index.ts'),
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fromRoot('dist/web'),
    emptyOutDir: true,
    // Maps are written for debugging a report, but not referenced from the served files.
    sourcemap: 'hidden',
    // The first screen must stay small (issue 6: under 250 KB gzipped); a warning here is a regression.
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    setupFiles: ['src/test-support/setup.ts'],
  },
});
