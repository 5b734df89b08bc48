/// <reference types="vitest/config" />
import preact from '@preact/preset-vite';
import { defineConfig, type ProxyOptions } from 'vite';
import { swaggerUiDocs } from './vite-plugins/swagger-ui-docs.ts';

// The API routes a `vite dev` server forwards to a running nicecream server
// (NICECREAM_API_PROXY=http://127.0.0.1:8080 npm run dev), so the app and the
// API share one origin in development as they do in production.
const API_PREFIXES = ['/channels', '/history', '/user', '/feeds', '/push', '/openapi.json'];

// The service worker must be served from the site root (its scope is the folder it is in) under
// a name that does not change, so the browser finds the same worker after each build.
const SERVICE_WORKER_ENTRY = 'sw';

function apiProxy(): Record<string, ProxyOptions> | undefined {
  const target = process.env.NICECREAM_API_PROXY;
  if (!target) return undefined;
  return Object.fromEntries(API_PREFIXES.map((prefix) => [prefix, { target, changeOrigin: false }]));
}

export default defineConfig({
  plugins: [preact(), swaggerUiDocs()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      input: { index: 'index.html', [SERVICE_WORKER_ENTRY]: 'src/sw.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === SERVICE_WORKER_ENTRY ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: apiProxy(),
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'vite-plugins/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // jsdom renders long lists slowly on a busy 2-core machine; this is a hang guard, not a speed check.
    testTimeout: 20_000,
    unstubGlobals: true,
  },
});
