import { EntityManager } from 'typeorm';
import { CHANNEL_KINDS, ChannelKind } from '@wmo/contracts';

export interface ProviderYearTotals {
  providerId: string;
  year: number;
  /** In the order of CHANNEL_KINDS; only channels some period of the year reports. */
  channels: Array<{ kind: ChannelKind; conversations: number; answered: number | null }>;
  totalConversations: number;
}

/**
 * National figures of providers per calendar year, summed over their periods (a period lies in
 * one year, so the sums are exact). Answered is null for a channel when any period of the year
 * that lists the channel does not report it; a period that leaves a channel out had none on it.
 *
 * Runs in the caller's transaction. Row-level security lets every signed-in caller read figures,
 * so the caller passes only providers the caller may see. Grouped by provider, newest year first.
 */
export async function providerYearTotals(manager: EntityManager, providerIds: string[]): Promise<ProviderYearTotals[]> {
  if (providerIds.length === 0) return [];
  const rows = await manager.query<
    Array<{ provider_id: string; year: number; kind: ChannelKind; conversations: string; answered: string | null }>
  >(
    `SELECT s.provider_id, extract(year FROM s.period_start)::int AS year, c->>'kind' AS kind,
            sum((c->>'conversations')::bigint) AS conversations,
            CASE WHEN bool_and(coalesce(jsonb_typeof(c->'answered') = 'number', false)) THEN sum((c->>'answered')::bigint) END AS answered
       FROM service_statistic s CROSS JOIN LATERAL jsonb_array_elements(s.channels) AS c
      WHERE s.provider_id = ANY($1::uuid[])
      GROUP BY s.provider_id, 2, c->>'kind'
      ORDER BY s.provider_id, 2 DESC, array_position($2::text[], c->>'kind')`,
    [providerIds, CHANNEL_KINDS],
  );
  const totals: ProviderYearTotals[] = [];
  for (const row of rows) {
    let current = totals.at(-1);
    if (!current || current.providerId !== row.provider_id || current.year !== row.year) {
      current = { providerId: row.provider_id, year: row.year, channels: [], totalConversations: 0 };
      totals.push(current);
    }
    const conversations = Number(row.conversations);
    current.channels.push({
      kind: row.kind,
      conversations,
      answered: row.answered === null ? null : Number(row.answered),
    });
    current.totalConversations += conversations;
  }
  return totals;
}
