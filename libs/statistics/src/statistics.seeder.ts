import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@wmo/domain';
import type { PlatformTransaction } from '@wmo/tenancy';
import type { ChannelCount, TopicShare } from './statistics.entities';
import { ServiceStatisticRepository } from './service-statistic.repository';

/** Figures of one period as a seed states them (shares already in their stored form, "0.0500"). */
export interface SeedStatistic {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  channels: ChannelCount[];
  topics: TopicShare[];
  source: string | null;
}

/**
 * Writes seeded figures as the platform (libs/demo), idempotently. The demo seeds outside the Nest
 * container, so the seeder makes its own (stateless) repository: `new StatisticsSeeder()`.
 */
@Injectable()
export class StatisticsSeeder {
  private readonly statistics = new ServiceStatisticRepository();

  /**
   * Records each period unless the provider already has figures for any of its days (under the
   * provider's lock, as a recording through the API); answers how many it recorded.
   */
  async seedPeriods(tx: PlatformTransaction, providerId: string, periods: readonly SeedStatistic[]): Promise<number> {
    await this.statistics.lockProvider(tx, providerId);
    let recorded = 0;
    for (const period of periods)
      if (await this.statistics.insertIfFree(tx, { providerId, ...period, recordedByUserId: null })) recorded += 1;
    return recorded;
  }
}
