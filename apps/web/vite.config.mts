import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The Rijkshuisstijl community's React components (and the Utrecht ones under them) ship as one module that injects 350 kB of CSS
 * (the Utrecht CSS, which main.tsx already loads as a file) into the page at start-up, creates
 * every icon (and a map of their elements) at the top level and labels every component with a `displayName` assignment: all
 * side effects, so nothing of it could be tree-shaken. Removing the injection and marking the
 * icons and labels as free of side effects leaves only the components the portal uses.
 */
function treeShakeableDesignSystem(): Plugin {
  return {
    name: 'tree-shakeable-design-system',
    enforce: 'pre',
    transform(code, id) {
      if (
        !id.includes('@rijkshuisstijl-community/components-react/dist/index.esm.js') &&
        !id.includes('@utrecht/component-library-react/dist/index.mjs')
      )
        return null;
      return {
        code: code
          .replace(/^styleInject\(css_248z\);$/m, '')
          .replace(/= createReactComponent\(/g, '= /* @__PURE__ */ createReactComponent(')
          .replace(/(?<![\w$.])(jsxs?)\(/g, '/* @__PURE__ */ $1(')
          .replace(/^([\w$]+)\.displayName = (['"][^'"]*['"]);$/gm, ''),
        map: null,
      };
    },
  };
}

// The portal is built into dist/web (after `nest build`, which empties dist) and served by the
// API at `/`. `npx vite --config apps/web/vite.config.mts` runs it against a local API on PORT
// (the API's own setting, 3000 by default): start both with the same PORT.
const api = `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [treeShakeableDesignSystem()],
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
