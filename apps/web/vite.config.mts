import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Text files worth compressing; fonts (woff2) and images are compressed already. */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|txt)$/;

/**
 * Brotli (at its best, quality 11) and gzip copies of every text file, beside it (`x.js.br`,
 * `x.js.gz`): the API serves them as they are (@fastify/static preCompressed), so a first visit
 * costs a third of the bytes without compressing on every request.
 */
function precompress(): Plugin {
  // The folder the build writes to, as resolved (`--outDir` on the command line included).
  let builtDir = outDir;
  return {
    name: 'wmo:precompress',
    apply: 'build',
    configResolved(config) {
      builtDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
        );
      for (const file of walk(builtDir).filter((name) => COMPRESSIBLE.test(name))) {
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * The voorbeeld theme carries tokens for every NL Design System community's components; the
 * portal uses the Utrecht and Rijkshuisstijl ones. The tokens of Den Haag, Amsterdam, Logius (lux)
 * and the unfinished "todo" components are left out: a third of the theme, 4.5 kB per first visit.
 */
const UNUSED_TOKENS = /^--(?:ams|denhaag|lux|todo)-/;
const stripUnusedTokens = {
  postcssPlugin: 'wmo-strip-unused-tokens',
  Declaration(decl: { prop: string; source?: { input: { file?: string } }; remove(): void }) {
    if (UNUSED_TOKENS.test(decl.prop) && decl.source?.input.file?.includes('voorbeeld-design-tokens')) decl.remove();
  },
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [treeShakeableDesignSystem(), precompress()],
  css: { postcss: { plugins: [stripUnusedTokens] } },
  build: {
    outDir,
    emptyOutDir: true,
    // No source maps in production: they would publish the portal's source (and weigh 1.8 MB).
    sourcemap: false,
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
