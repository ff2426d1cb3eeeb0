import type { ChannelKind } from '@wmo/contracts';

export interface ProviderYearTotals {
  providerId: string;
  year: number;
  /** In the order of CHANNEL_KINDS; only channels some period of the year reports. */
  channels: Array<{ kind: ChannelKind; conversations: number; answered: number | null }>;
  totalConversations: number;
}

/** One channel's sums over a provider's periods of one calendar year (see ServiceStatisticRepository.channelYearSums). */
export interface ChannelYearSum {
  providerId: string;
  year: number;
  kind: ChannelKind;
  conversations: number;
  answered: number | null;
}

/**
 * The yearly totals from the channel sums, which come grouped by provider and year (in the order
 * to keep): each year's channels, and its conversations over all channels.
 */
export function yearTotals(sums: readonly ChannelYearSum[]): ProviderYearTotals[] {
  const totals: ProviderYearTotals[] = [];
  for (const sum of sums) {
    let current = totals.at(-1);
    if (!current || current.providerId !== sum.providerId || current.year !== sum.year) {
      current = { providerId: sum.providerId, year: sum.year, channels: [], totalConversations: 0 };
      totals.push(current);
    }
    current.channels.push({ kind: sum.kind, conversations: sum.conversations, answered: sum.answered });
    current.totalConversations += sum.conversations;
  }
  return totals;
}
