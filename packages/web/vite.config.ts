import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The UI is served by the API process in production (packages/server serves packages/web/dist);
// in development Vite proxies /api to the server.
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: {
      // packages/domain is TypeScript source; resolve it directly (the workspace symlink also works).
      '@returntrace/domain': here('../domain/src/index.ts'),
      // the domain's TOTP helpers import node:crypto; the UI never calls them (see src/shims/node-crypto.ts)
      'node:crypto': here('src/shims/node-crypto.ts'),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.RT_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: process.env.RT_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // packages/domain is pure (no import-time effects) but does not say so in its package.json; without this its zod
      // schemas would all ride along into the UI bundle although the UI uses a handful of constants.
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]packages[\\/]domain[\\/]src[\\/]/, sideEffects: false }],
      },
      output: {
        // React and the data/i18n libraries change rarely: their own long-cached chunk. antd stays split per route.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 20 },
            { name: 'libs', test: /node_modules[\\/](@tanstack|i18next|react-i18next|dayjs)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
