import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, AppConfigModule } from '@wmo/config';
import { dataSourceOptions } from '@wmo/database';
import { pinToday } from '@wmo/domain';
import { invoicingOptions, InvoicingModule } from '@wmo/invoicing';
import { JobsModule } from '@wmo/jobs';
import { notificationsOptions, NotificationsModule } from '@wmo/notifications';
import { ComplianceModule } from '@wmo/compliance';
import { SCHEMA } from '@wmo/schema';
import { TenancyModule } from '@wmo/tenancy';

/** The background worker: invoice runs, webhook deliveries and the daily compliance evaluation, without HTTP. */
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
        JobsModule.forRoot({ ownerUrl, maintenanceSeconds: config.JOB_MAINTENANCE_SECONDS }),
        NotificationsModule.forRoot({ ...notificationsOptions(config, true), controllers: false }),
        InvoicingModule.forRoot({ ...invoicingOptions(config, true), controllers: false }),
        ComplianceModule.forRoot({ worker: true, controllers: false }),
      ],
    };
  }
}
