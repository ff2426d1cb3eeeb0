import { Module } from '@nestjs/common';

/** A provider's national service figures (controllers and services: see this folder). */
@Module({
  controllers: [],
  providers: [],
  exports: [],
})
export class StatisticsModule {}
