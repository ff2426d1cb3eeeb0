import { Module } from '@nestjs/common';
import { ContractsModule } from '@wmo/contracts';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

/** A provider's national service figures; other modules read yearly totals with `providerYearTotals`. */
@Module({
  imports: [ContractsModule],
  controllers: [StatisticsController],
  providers: [StatisticsService],
  exports: [StatisticsService],
})
export class StatisticsModule {}
