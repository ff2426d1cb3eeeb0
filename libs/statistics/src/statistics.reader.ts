import { Injectable } from '@nestjs/common';
import { CHANNEL_KINDS } from '@wmo/contracts';
import type { Transaction } from '@wmo/tenancy';
import { ServiceStatisticRepository } from './service-statistic.repository';
import { ProviderYearTotals, yearTotals } from './year-totals';

/** How other libraries (compliance's report) read service figures, inside their own transaction. */
@Injectable()
export class StatisticsReader {
  constructor(private readonly statistics: ServiceStatisticRepository) {}

  /**
   * National figures of providers per calendar year, summed over their periods (a period lies in
   * one year, so the sums are exact). Answered is null for a channel when any period of the year
   * that lists the channel does not report it; a period that leaves a channel out had none on it.
   *
   * Row-level security lets every signed-in caller read figures, so the caller passes only
   * providers the caller may see. Grouped by provider, newest year first.
   */
  async providerYearTotals(tx: Transaction, providerIds: readonly string[]): Promise<ProviderYearTotals[]> {
    if (providerIds.length === 0) return [];
    return yearTotals(await this.statistics.channelYearSums(tx, providerIds, CHANNEL_KINDS));
  }
}
