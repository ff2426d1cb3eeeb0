import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';

/** Paths that belong to the API, never to the portal's client-side routes. */
const API_PATHS = /^\/(api|health)(\/|$)/;
/** The built files' folder: a name there that is not a file (an old hash, a source map) is a 404, not the portal. */
const ASSET_PATHS = /^\/assets\//;
/** Source maps are never served, even when a build made them: they would publish the portal's source. */
const SOURCE_MAP = /\.map$/i;
/** The build's compressed copies are sent in place of their file (preCompressed), never as files of their own. */
const NOT_SERVED = /\.(?:map|br|gz)$/i;

/**
 * Serves the web portal (apps/web, built by Vite) at `/`: its files as they are (the build's
 * brotli and gzip copies when the browser accepts them), with hashed assets cached for a year,
 * and index.html (never cached without asking) for every other GET outside the API so the
 * portal's own routes survive a reload. Unknown API paths and unknown assets get a problem+json 404.
 */
export async function serveWebPortal(app: NestFastifyApplication, webDir: string, logger: Logger): Promise<void> {
  const root = resolve(webDir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    logger.warn({ webDir: root }, 'The web portal is not built (npm run build); serving the API only');
    return;
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    decorateReply: false,
    // Made by the build (vite.config.mts); files without them are compressed on the fly (@fastify/compress).
    preCompressed: true,
    allowedPath: (pathName) => !NOT_SERVED.test(pathName),
    setHeaders: (res, path) => {
      void res.header(
        'cache-control',
        path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // '/*' matches '/' too.
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = request.url.split('?')[0];
      if (API_PATHS.test(path) || ASSET_PATHS.test(path) || SOURCE_MAP.test(path)) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    });
}
