import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import { errorCodes, FastifyError, FastifyReply, FastifyRequest, LogController } from 'fastify';
import helmet from 'helmet';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  checkRequestInput,
  documentUnexpectedErrors,
  ProblemDetailsDto,
  RateLimitedError,
  RequestValidationError,
  clientErrorResponse,
  sendProblem,
} from '@wmo/common';
import { listSetting } from '@wmo/config';
import { RateLimitKeys } from '@wmo/identity';
import { pinToday } from '@wmo/domain';
import { TenantContext } from '@wmo/tenancy';
import { AppModule, AppModuleOptions } from './app.module';
import { serveWebPortal } from './web-portal';

export const API_PREFIX = 'api/v1';

export interface RegisteredRoute {
  method: string;
  url: string;
}
const routeTables = new WeakMap<NestFastifyApplication, RegisteredRoute[]>();

/** Every route the app serves, as Fastify registered it (tests derive their matrices from it). */
export function registeredRoutes(app: NestFastifyApplication): RegisteredRoute[] {
  return routeTables.get(app) ?? [];
}
/**
 * What gets compressed: text (never an event stream, which must reach the client as it is
 * written), JSON (the API's and problem documents), JavaScript, XML and SVG. PDFs, ZIPs, images
 * and fonts are compressed already: squeezing them again costs time and saves nothing.
 */
const COMPRESSIBLE =
  /^text\/(?!event-stream)|^application\/(?:javascript|(?:[\w.+-]+\+)?json|(?:[\w.+-]+\+)?xml)(?:;|$)|^image\/svg\+xml(?:;|$)/;

/** The largest file an upload may be (a CBS population file of every year is well under 1 MB). */
const UPLOAD_LIMIT_BYTES = 5 * 1_048_576;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the HTTP API exactly as production runs it; tests use the same function. */
export async function createApiApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  pinToday(options.config.CLOCK_TODAY ?? null);
  const trustedProxies = listSetting(options.config.TRUSTED_PROXIES);
  const adapter = new FastifyAdapter({
    // Keep a caller's correlation id when it is safe to log; otherwise make one.
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1_048_576,
    // X-Forwarded-For is believed only from the configured proxies; otherwise anyone could choose their address.
    trustProxy: trustedProxies.length ? trustedProxies : false,
    // Errors Fastify answers before a route is found (a path parameter too long, a URL that does not decode) are problem documents too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      void reply.header('x-request-id', request.id);
      sendProblem(request, reply, error, new Logger('Errors'));
    },
    // Requests Node cannot parse (headers over 16 KB: 431) are answered before Fastify has a request: as problem documents too.
    clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => {
      if (socket.writable) socket.end(clientErrorResponse(error));
      else socket.destroy(error);
    },
    loggerInstance: options.logger,
    // Fastify's two lines per request are replaced by one (the onResponse hook below).
    logController: new LogController({ disableRequestLogging: true }),
  });
  // Nest logs through the same JSON logger (see createRootLogger).
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  const corsOrigins = options.config.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (corsOrigins.length)
    app.enableCors({ origin: corsOrigins, credentials: true, exposedHeaders: ['X-Request-Id', 'Retry-After'] });
  const fastify = app.getHttpAdapter().getInstance();
  // An uploaded file (a CBS population file, billing details) arrives as bytes, only for the routes
  // that take files (their paths end in "imports"), refused (415) before a byte is read elsewhere,
  // and read up to UPLOAD_LIMIT_BYTES (413 beyond). The feature that reads it decodes it.
  fastify.addContentTypeParser('text/csv', (request, payload, done) => {
    if (!/imports$/.test(request.routeOptions.url ?? ''))
      return done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE('text/csv'), undefined);
    if (Number(request.headers['content-length'] ?? 0) > UPLOAD_LIMIT_BYTES)
      return done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE(), undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (error: Error | null, body?: Buffer) => {
      if (finished) return;
      finished = true;
      done(error, body);
    };
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > UPLOAD_LIMIT_BYTES) finish(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      else chunks.push(chunk);
    });
    payload.on('end', () => finish(null, Buffer.concat(chunks)));
    payload.on('error', (error: Error) => finish(error));
  });
  const context = app.get(TenantContext);
  // General rate limit per client: per verified principal (token or API key), else per client address.
  const rateLimitKeys = app.get(RateLimitKeys);
  await app.register(rateLimit, {
    max: options.config.RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => rateLimitKeys.keyFor(request),
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
      'retry-after': false,
    },
    errorResponseBuilder: (_request, limit) => new RateLimitedError(Math.max(1, Math.ceil(limit.ttl / 1000))),
  });
  // Brotli (quality 4: fast enough per request) or gzip, as the client prefers; before the portal's
  // and the API's routes are added, so that every one of them gets it.
  await app.register(compress, { encodings: ['br', 'gzip'], customTypes: COMPRESSIBLE, threshold: 1024 });
  // Helmet's middleware built once (@fastify/helmet rebuilds it, CSP parsing included, on every request).
  const securityHeaders = helmet({
    // Swagger UI needs inline styles; the portal's progress bars set their width inline.
    // upgrade-insecure-requests only in production (behind TLS): on a plain-http start reached by
    // address rather than localhost it would send the portal's scripts to https and leave a blank page.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: options.config.NODE_ENV === 'production' ? [] : null,
      },
    },
  });
  // Every request runs in its own async-local store (caller, request id, running transaction).
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    securityHeaders(request.raw, reply.raw, () => context.enter(String(request.id), done));
  });
  // Before guards, pipes and class-transformer see a request: no body nested deeper than they can
  // walk, and no control character or lone surrogate in any string of the body, query or path.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const problems = checkRequestInput(request);
    done(problems.length ? new RequestValidationError(problems) : undefined);
  });
  // One log line per request: who asked what, the status and the time; never headers or bodies.
  fastify.addHook('onResponse', (request, reply, done) => {
    const level = reply.statusCode >= 500 ? 'error' : reply.statusCode >= 400 ? 'warn' : 'info';
    request.log[level](
      {
        req: { method: request.method, url: request.url },
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
    done();
  });
  await serveWebPortal(app, options.config.WEB_DIR, options.logger);
  const routes: RegisteredRoute[] = [];
  routeTables.set(app, routes);
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Luisterend oor: Wmo 2015 art. 2.2.4 platform API')
      .setDescription(
        'How Dutch municipalities meet, fund and account for their duty to offer an anonymous listening ear at every ' +
          'moment of the day. Every error is `application/problem+json` (RFC 9457).',
      )
      .setVersion('1')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT or API key',
        description: 'An access token from POST /api/v1/auth/login, or an API key (wmo_...).',
      })
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'An API key (wmo_...).' }, 'api-key')
      .build(),
    { extraModels: [ProblemDetailsDto] },
  );
  documentUnexpectedErrors(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  return app;
}
