import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@wmo/database';
import { ReferenceDataModule } from '@wmo/reference-data';
import { SCHEMA } from '@wmo/schema';
import { TenancyModule } from '@wmo/tenancy';

/** The services the command line needs, without HTTP, connected as the schema owner. */
@Module({})
export class CliModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, SCHEMA, { poolSize: 2, applicationName: 'wmo-cli' })),
        TenancyModule,
        ReferenceDataModule,
      ],
    };
  }
}
