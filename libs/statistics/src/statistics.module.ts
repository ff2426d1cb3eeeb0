import { Module } from '@nestjs/common';
import { ContractsModule } from '@wmo/contracts';
import { ServiceStatisticRepository } from './service-statistic.repository';
import { StatisticsController } from './statistics.controller';
import { StatisticsReader } from './statistics.reader';
import { StatisticsService } from './statistics.service';

/** A provider's national service figures; other modules read yearly totals through the StatisticsReader. */
@Module({
  imports: [ContractsModule],
  controllers: [StatisticsController],
  providers: [ServiceStatisticRepository, StatisticsReader, StatisticsService],
  exports: [StatisticsReader],
})
export class StatisticsModule {}
