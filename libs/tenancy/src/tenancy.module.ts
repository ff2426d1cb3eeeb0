import { Global, Module } from '@nestjs/common';
import { ScopedDatabase, UnscopedDatabase } from './scoped-database';
import { TenantContext } from './tenant-context';

@Global()
@Module({
  providers: [TenantContext, ScopedDatabase, UnscopedDatabase],
  exports: [TenantContext, ScopedDatabase, UnscopedDatabase],
})
export class TenancyModule {}
