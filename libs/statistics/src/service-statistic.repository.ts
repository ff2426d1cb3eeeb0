import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import { ChannelCount, ServiceStatisticEntity, TopicShare } from './statistics.entities';
import type { ChannelYearSum } from './year-totals';

export interface NewServiceStatistic {
  providerId: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  channels: ChannelCount[];
  topics: TopicShare[];
  source: string | null;
  recordedByUserId: string | null;
}

/**
 * The service_statistic table: a provider's national figures per period. Row-level security lets
 * every signed-in caller read them and only the provider itself (or the platform) write them.
 */
@Injectable()
export class ServiceStatisticRepository {
  /**
   * Holds the recording of one provider's figures until the transaction ends, so that two
   * concurrent recordings cannot both find their periods free.
   */
  async lockProvider(tx: Transaction, providerId: string): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('service-statistic:' || $1, 0))`, [
      providerId,
    ]);
  }

  /** The earliest period of the provider that shares a day with `start`..`end` (inclusive), or null. */
  async firstOverlapping(
    tx: Transaction,
    providerId: string,
    start: IsoDate,
    end: IsoDate,
  ): Promise<{ id: string; periodStart: IsoDate; periodEnd: IsoDate } | null> {
    const [overlapping] = await tx.manager.query<Array<{ id: string; periodStart: IsoDate; periodEnd: IsoDate }>>(
      `SELECT id, period_start AS "periodStart", period_end AS "periodEnd" FROM service_statistic
        WHERE provider_id = $1 AND period_start <= $3 AND period_end >= $2 ORDER BY period_start LIMIT 1`,
      [providerId, start, end],
    );
    return overlapping ?? null;
  }

  async insert(tx: Transaction, statistic: NewServiceStatistic): Promise<ServiceStatisticEntity> {
    const { identifiers } = await tx.manager.insert(ServiceStatisticEntity, statistic);
    return tx.manager.findOneByOrFail(ServiceStatisticEntity, { id: identifiers[0].id as string });
  }

  /** Inserts the period unless the provider has figures for any of its days; answers whether it did. */
  async insertIfFree(tx: Transaction, statistic: NewServiceStatistic): Promise<boolean> {
    const inserted = await tx.manager.query<Array<{ id: string }>>(
      `INSERT INTO service_statistic (provider_id, period_start, period_end, channels, topics, source, recorded_by_user_id)
       SELECT $1::uuid, $2::date, $3::date, $4::jsonb, $5::jsonb, $6, $7::uuid
        WHERE NOT EXISTS (SELECT 1 FROM service_statistic WHERE provider_id = $1 AND period_start <= $3::date AND period_end >= $2::date)
       RETURNING id`,
      [
        statistic.providerId,
        statistic.periodStart,
        statistic.periodEnd,
        JSON.stringify(statistic.channels),
        JSON.stringify(statistic.topics),
        statistic.source,
        statistic.recordedByUserId,
      ],
    );
    return inserted.length > 0;
  }

  /** The provider's periods, newest first. */
  ofProvider(tx: Transaction, providerId: string): Promise<ServiceStatisticEntity[]> {
    return tx.manager.find(ServiceStatisticEntity, {
      where: { providerId },
      order: { periodStart: 'DESC', periodEnd: 'DESC' },
    });
  }

  /**
   * Per provider, calendar year and channel: conversations summed over the periods (a period lies
   * in one year, so the sums are exact), and answered summed only when every period of the year
   * that lists the channel reports it. Grouped by provider, newest year first, channels in
   * `channelOrder`.
   */
  async channelYearSums(
    tx: Transaction,
    providerIds: readonly string[],
    channelOrder: readonly string[],
  ): Promise<ChannelYearSum[]> {
    if (providerIds.length === 0) return [];
    const rows = await tx.manager.query<
      Array<Omit<ChannelYearSum, 'conversations' | 'answered'> & { conversations: string; answered: string | null }>
    >(
      `SELECT s.provider_id AS "providerId", extract(year FROM s.period_start)::int AS year, c->>'kind' AS kind,
              sum((c->>'conversations')::bigint) AS conversations,
              CASE WHEN bool_and(coalesce(jsonb_typeof(c->'answered') = 'number', false)) THEN sum((c->>'answered')::bigint) END AS answered
         FROM service_statistic s CROSS JOIN LATERAL jsonb_array_elements(s.channels) AS c
        WHERE s.provider_id = ANY($1::uuid[])
        GROUP BY s.provider_id, 2, c->>'kind'
        ORDER BY s.provider_id, 2 DESC, array_position($2::text[], c->>'kind')`,
      [[...providerIds], [...channelOrder]],
    );
    // sum() of bigint is numeric, sent as text; counts of conversations stay far below 2^53.
    return rows.map((row) => ({
      ...row,
      conversations: Number(row.conversations),
      answered: row.answered === null ? null : Number(row.answered),
    }));
  }
}
