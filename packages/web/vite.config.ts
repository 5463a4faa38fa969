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
  },
});
