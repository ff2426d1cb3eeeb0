import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestValidationError } from '@wmo/common';
import { CHANNEL_KINDS, ContractsError, ContractsErrorCode, ProvidersService } from '@wmo/contracts';
import { isOperator, ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ProviderStatisticsDto, RecordStatisticsDto, ServiceStatisticDto } from './dto/statistics.dto';
import { ServiceStatisticEntity } from './service-statistic.entity';
import { channelProblems, normaliseShare, periodProblems, resolvePeriod, topicProblems } from './statistic-rules';
import { StatisticsError, StatisticsErrorCode } from './statistics.errors';
import { providerYearTotals } from './year-totals';

export const toStatisticDto = (statistic: ServiceStatisticEntity): ServiceStatisticDto => {
  const channels = [...statistic.channels]
    .sort((a, b) => CHANNEL_KINDS.indexOf(a.kind) - CHANNEL_KINDS.indexOf(b.kind))
    .map(({ kind, conversations, answered }) => ({ kind, conversations, answered: answered ?? null }));
  return {
    id: statistic.id,
    providerId: statistic.providerId,
    periodStart: statistic.periodStart,
    periodEnd: statistic.periodEnd,
    channels,
    totalConversations: channels.reduce((sum, channel) => sum + channel.conversations, 0),
    topics: statistic.topics.map(({ topic, share }) => ({ topic, share })),
    source: statistic.source,
    recordedAt: statistic.createdAt.toISOString(),
  };
};

/**
 * Holds the recording of one provider's figures until the caller's transaction ends, so that two
 * concurrent requests cannot both find their periods free.
 */
export async function lockProviderStatistics(manager: EntityManager, providerId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('service-statistic:' || $1, 0))`, [providerId]);
}

/** A provider's national service figures: never per municipality, the help is anonymous. */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly providers: ProvidersService,
  ) {}

  /** Visible to whoever can see the provider (GET /providers/:id): the figures themselves are readable to every signed-in caller. */
  forProvider(providerId: string): Promise<ProviderStatisticsDto> {
    return this.db.transaction(async (tx) => {
      const provider = await this.providers.get(providerId);
      const periods = await tx.manager.find(ServiceStatisticEntity, {
        where: { providerId },
        order: { periodStart: 'DESC', periodEnd: 'DESC' },
      });
      const totals = await providerYearTotals(tx.manager, [providerId]);
      return {
        providerId,
        providerName: provider.legalName,
        periods: periods.map(toStatisticDto),
        yearlyTotals: totals.map(({ year, channels, totalConversations }) => ({ year, channels, totalConversations })),
      };
    });
  }

  /** Records the figures of one period; periods of a provider never overlap (409). */
  record(providerId: string, dto: RecordStatisticsDto): Promise<ServiceStatisticDto> {
    const topics = dto.topics ?? [];
    const problems = [...periodProblems(dto), ...channelProblems(dto.channels), ...topicProblems(topics)];
    if (problems.length) throw new RequestValidationError(problems);
    const period = resolvePeriod(dto);
    return this.db.transaction(async (tx) => {
      await this.findOwnProvider(tx, providerId);
      await lockProviderStatistics(tx.manager, providerId);
      const [overlapping] = await tx.manager.query<Array<{ id: string; period_start: string; period_end: string }>>(
        `SELECT id, period_start, period_end FROM service_statistic WHERE provider_id = $1 AND period_start <= $3 AND period_end >= $2 ORDER BY period_start LIMIT 1`,
        [providerId, period.start, period.end],
      );
      if (overlapping) {
        throw new StatisticsError(
          StatisticsErrorCode.PeriodOverlaps,
          `Figures for ${overlapping.period_start} to ${overlapping.period_end} are already recorded (${overlapping.id}); periods of a provider must not overlap, so that yearly totals count every conversation once.`,
          { statisticId: overlapping.id, periodStart: overlapping.period_start, periodEnd: overlapping.period_end },
        );
      }
      const { identifiers } = await tx.manager.insert(ServiceStatisticEntity, {
        providerId,
        periodStart: period.start,
        periodEnd: period.end,
        channels: dto.channels.map(({ kind, conversations, answered }) => ({
          kind,
          conversations,
          answered: answered ?? null,
        })),
        topics: topics.map(({ topic, share }) => ({ topic, share: normaliseShare(share) })),
        source: dto.source ?? null,
        recordedByUserId: tx.principal.userId,
      });
      const recorded = toStatisticDto(
        await tx.manager.findOneByOrFail(ServiceStatisticEntity, { id: identifiers[0].id as string }),
      );
      await tx.audit({
        action: 'service-statistic.recorded',
        entityType: 'service-statistic',
        entityId: recorded.id,
        organisationId: providerId,
        after: recorded,
      });
      return recorded;
    });
  }

  /** Figures are recorded by the provider itself or the operator; to anyone else another provider does not exist (404). */
  private async findOwnProvider(tx: TenantTransaction, providerId: string): Promise<void> {
    if (!isOperator(tx.principal) && tx.principal.organisationId !== providerId) {
      throw new ContractsError(
        ContractsErrorCode.ProviderNotFound,
        `There is no provider ${providerId} that you can see.`,
      );
    }
    await this.providers.get(providerId);
  }
}
