import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ComplianceModule } from '@wmo/compliance';
import { AppConfig, AppConfigModule } from '@wmo/config';
import { dataSourceOptions } from '@wmo/database';
import { pinToday } from '@wmo/domain';
import { IdentityModule } from '@wmo/identity';
import { invoicingOptions, InvoicingModule } from '@wmo/invoicing';
import { JobsModule } from '@wmo/jobs';
import { notificationsOptions, NotificationsModule } from '@wmo/notifications';
import { SCHEMA } from '@wmo/schema';
import { TenancyModule } from '@wmo/tenancy';

/**
 * The background worker: invoice runs, webhook deliveries and the daily compliance evaluation,
 * without HTTP. Each feature module imports the modules of the readers it injects (contracts,
 * reference data, statistics); the global ones are here: IdentityModule as is (no sign-in in a
 * worker) for the OrganisationDirectory, JobsModule, and NotificationsModule for the EventPublisher.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, appUrl: string, ownerUrl: string): DynamicModule {
    pinToday(config.CLOCK_TODAY ?? null);
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot(
          dataSourceOptions(appUrl, SCHEMA, { poolSize: config.DB_POOL_SIZE, applicationName: 'wmo-worker' }),
        ),
        TenancyModule,
        JobsModule.forRoot({
          ownerUrl,
          maintenanceSeconds: config.JOB_MAINTENANCE_SECONDS,
          expireSeconds: config.JOB_EXPIRE_SECONDS,
        }),
        IdentityModule,
        NotificationsModule.forRoot({ ...notificationsOptions(config, true), controllers: false }),
        InvoicingModule.forRoot({ ...invoicingOptions(config, true), controllers: false }),
        ComplianceModule.forRoot({ worker: true, controllers: false }),
      ],
    };
  }
}
