import { Global, Module } from '@nestjs/common';
import { ReferenceDatabase, ScopedDatabase, UnscopedDatabase } from './scoped-database';
import { TenantContext } from './tenant-context';

@Global()
@Module({
  providers: [TenantContext, ScopedDatabase, UnscopedDatabase, ReferenceDatabase],
  exports: [TenantContext, ScopedDatabase, UnscopedDatabase, ReferenceDatabase],
})
export class TenancyModule {}
