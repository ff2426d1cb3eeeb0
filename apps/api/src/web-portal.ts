import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';

/** Paths that belong to the API, never to the portal's client-side routes. */
const API_PATHS = /^\/(api|health)(\/|$)/;

/**
 * Serves the web portal (apps/web, built by Vite) at `/`: its files as they are, with hashed
 * assets cached for a year, and index.html for every other GET outside the API so the portal's
 * own routes survive a reload. Unknown API paths still get the API's problem+json 404.
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
      if (API_PATHS.test(request.url)) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    });
}
