import { CHANNEL_KINDS } from '@wmo/contracts';
import type { ServiceStatisticDto } from './dto/statistics.dto';
import type { ServiceStatisticEntity } from './statistics.entities';

/** A period's figures, channels in the order of CHANNEL_KINDS, with their total. */
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
