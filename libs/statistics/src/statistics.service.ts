import { Injectable } from '@nestjs/common';
import { RequestValidationError } from '@wmo/common';
import { providerNotFound, ProvidersReader } from '@wmo/contracts';
import { ScopedDatabase } from '@wmo/tenancy';
import { ProviderStatisticsDto, RecordStatisticsDto, ServiceStatisticDto } from './dto/statistics.dto';
import { ServiceStatisticRepository } from './service-statistic.repository';
import {
  channelProblems,
  mayRecordFiguresOf,
  normaliseShare,
  periodProblems,
  resolvePeriod,
  topicProblems,
} from './statistic-rules';
import { StatisticsError, StatisticsErrorCode } from './statistics.errors';
import { toStatisticDto } from './statistics.mapper';
import { StatisticsReader } from './statistics.reader';

/** A provider's national service figures: never per municipality, the help is anonymous. */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly providers: ProvidersReader,
    private readonly statistics: ServiceStatisticRepository,
    private readonly reader: StatisticsReader,
  ) {}

  /** Visible to whoever can see the provider (GET /providers/:id): the figures themselves are readable to every signed-in caller. */
  forProvider(providerId: string): Promise<ProviderStatisticsDto> {
    return this.db.transaction(async (tx) => {
      const provider = await this.providers.visibleProvider(tx, providerId);
      const periods = await this.statistics.ofProvider(tx, providerId);
      const totals = await this.reader.providerYearTotals(tx, [providerId]);
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
      // To anyone but the provider itself and the operator, another provider does not exist (404).
      if (!mayRecordFiguresOf({ organisationId: tx.principal.organisationId, isOperator: tx.isOperator }, providerId))
        throw providerNotFound(providerId);
      await this.providers.visibleProvider(tx, providerId);
      await this.statistics.lockProvider(tx, providerId);
      const overlapping = await this.statistics.firstOverlapping(tx, providerId, period.start, period.end);
      if (overlapping) {
        throw new StatisticsError(
          StatisticsErrorCode.PeriodOverlaps,
          `Figures for ${overlapping.periodStart} to ${overlapping.periodEnd} are already recorded (${overlapping.id}); periods of a provider must not overlap, so that yearly totals count every conversation once.`,
          { statisticId: overlapping.id, periodStart: overlapping.periodStart, periodEnd: overlapping.periodEnd },
        );
      }
      const recorded = toStatisticDto(
        await this.statistics.insert(tx, {
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
        }),
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
}
