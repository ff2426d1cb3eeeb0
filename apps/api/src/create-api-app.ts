import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import helmet from '@fastify/helmet';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { documentUnexpectedErrors, ProblemDetailsDto } from '@wmo/common';
import { AppModule, AppModuleOptions } from './app.module';

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
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the HTTP API exactly as production runs it; tests use the same function. */
export async function createApiApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Keep a caller's correlation id when it is safe to log; otherwise make one.
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1_048_576,
    trustProxy: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  app.flushLogs();
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  await app.register(helmet, {
    // Swagger UI is the only HTML served so far; it needs inline styles.
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], scriptSrc: ["'self'"] } },
  });
  const corsOrigins = options.config.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean);
  if (corsOrigins.length) app.enableCors({ origin: corsOrigins, credentials: true, exposedHeaders: ['X-Request-Id', 'Retry-After'] });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
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
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT or API key', description: 'An access token from POST /api/v1/auth/login, or an API key (wmo_...).' })
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'An API key (wmo_...).' }, 'api-key')
      .build(),
    { extraModels: [ProblemDetailsDto] },
  );
  documentUnexpectedErrors(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  return app;
}
