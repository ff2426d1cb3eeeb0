import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { createValidationPipe, ProblemDetailsFilter } from '@wmo/common';
import { AppConfig, AppConfigModule } from '@wmo/config';
import { ComplianceModule } from '@wmo/compliance';
import { dataSourceOptions } from '@wmo/database';
import { ContractsModule } from '@wmo/contracts';
import { HealthModule } from '@wmo/health';
import { invoicingOptions, InvoicingModule } from '@wmo/invoicing';
import { JobsModule } from '@wmo/jobs';
import { notificationsOptions, NotificationsModule } from '@wmo/notifications';
import { StatisticsModule } from '@wmo/statistics';
import { AuthenticationGuard, IdentityModule, RolesGuard } from '@wmo/identity';
import { TenancyModule } from '@wmo/tenancy';
import { ReferenceDataModule } from '@wmo/reference-data';
import { SCHEMA } from '@wmo/schema';

export interface AppModuleOptions {
  config: AppConfig;
  /** The application role's URL (not the owner's): row-level security applies to it. */
  databaseUrl: string;
  /** The owner's URL: pg-boss keeps its queue tables under it. */
  ownerUrl: string;
  jwtSecret: string;
  logger: Logger;
}

/** Composes the feature modules with the global pipes and filters. */
@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, ownerUrl, jwtSecret }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, SCHEMA, { poolSize: config.DB_POOL_SIZE })),
        TenancyModule,
        IdentityModule.forRoot({
          jwtSecret,
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          secureCookies: config.NODE_ENV === 'production',
        }),
        HealthModule,
        ReferenceDataModule,
        ContractsModule,
        JobsModule.forRoot({
          ownerUrl,
          maintenanceSeconds: config.JOB_MAINTENANCE_SECONDS,
          expireSeconds: config.JOB_EXPIRE_SECONDS,
        }),
        InvoicingModule.forRoot(invoicingOptions(config, config.WORKER)),
        NotificationsModule.forRoot(notificationsOptions(config, config.WORKER)),
        StatisticsModule,
        ComplianceModule.forRoot({ worker: config.WORKER }),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // In this order: who is calling, and may they (the rate limit runs before Nest, in Fastify).
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
    };
  }
}
