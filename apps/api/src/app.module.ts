import { DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ClsModule } from 'nestjs-cls';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { createValidationPipe, ProblemDetailsFilter } from '@wmo/common';
import { AppConfig } from '@wmo/config';
import { dataSourceOptions } from '@wmo/database';
import { HealthModule } from '@wmo/health';
import { AuthenticationGuard, ClientThrottlerGuard, IdentityModule, RolesGuard } from '@wmo/identity';
import { TenancyModule } from '@wmo/tenancy';
import { ReferenceDataModule } from '@wmo/reference-data';
import { SCHEMA } from '@wmo/schema';

export interface AppModuleOptions {
  config: AppConfig;
  /** The application role's URL (not the owner's): row-level security applies to it. */
  databaseUrl: string;
  jwtSecret: string;
  logger: Logger;
}

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}

/** Composes the feature modules with the global pipes and filters. */
@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, jwtSecret, logger }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            // The request id is Fastify's (from a valid X-Request-Id header or a new UUID).
            genReqId: (req) => (req as { id?: string }).id ?? '',
            customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
          forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
        }),
        // The request context (caller, request id) in async local storage, from the first middleware on.
        ClsModule.forRoot({
          global: true,
          middleware: { mount: true, setup: (cls, req: { id?: string }) => cls.set('requestId', req.id) },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, SCHEMA, { poolSize: config.DB_POOL_SIZE })),
        ThrottlerModule.forRoot({ throttlers: [{ name: 'per-client', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }] }),
        TenancyModule,
        IdentityModule.forRoot({ jwtSecret, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }),
        HealthModule,
        ReferenceDataModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // In this order: who is calling, how often, and may they.
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: ClientThrottlerGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
    };
  }
}
