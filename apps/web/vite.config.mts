import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The portal is built into dist/web (after `nest build`, which empties dist) and served by the
// API at `/`. `npx vite --config apps/web/vite.config.mts` runs it against a local API on PORT
// (the API's own setting, 3000 by default): start both with the same PORT.
const api = `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      // react-router's "use client" markers mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': api, '/health': api } },
});
