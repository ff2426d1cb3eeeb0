import type { FieldError } from '@wmo/common';
import { billingPeriod, IsoDate, yearOf } from '@wmo/domain';

/**
 * The rules a provider's figures must meet before they are recorded. Pure functions, so they
 * read like the rules and are unit-tested without a database (statistic-rules.spec.ts).
 */

export interface PeriodInput {
  year?: number;
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
}

export interface ChannelInput {
  kind: string;
  conversations: number;
  answered?: number | null;
}

export interface TopicInput {
  topic: string;
  share: string;
}

/** A share as a decimal string from 0 to 1 with at most four decimals: "0.05", "0.0500", "1". */
export const SHARE_PATTERN = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;

/**
 * Either a whole calendar year, or periodStart and periodEnd within one calendar year: the
 * yearly totals are then sums of whole periods, never an estimate of part of one.
 */
export function periodProblems(input: PeriodInput): FieldError[] {
  const hasYear = input.year !== undefined;
  const hasDates = input.periodStart !== undefined || input.periodEnd !== undefined;
  if (hasYear && hasDates)
    return [{ field: 'year', message: 'give either year, or periodStart and periodEnd, not both' }];
  if (!hasYear && !hasDates) return [{ field: 'year', message: 'give either year, or periodStart and periodEnd' }];
  if (hasYear) return [];
  if (input.periodStart === undefined)
    return [{ field: 'periodStart', message: 'periodStart and periodEnd go together' }];
  if (input.periodEnd === undefined) return [{ field: 'periodEnd', message: 'periodStart and periodEnd go together' }];
  if (input.periodEnd < input.periodStart)
    return [{ field: 'periodEnd', message: 'periodEnd must not be before periodStart' }];
  if (yearOf(input.periodStart) !== yearOf(input.periodEnd)) {
    return [
      {
        field: 'periodEnd',
        message: `a period must lie within one calendar year; record ${input.periodStart} to ${yearOf(input.periodStart)}-12-31 and the rest separately`,
      },
    ];
  }
  return [];
}

/** The inclusive period of a valid request (see periodProblems). */
export function resolvePeriod(input: PeriodInput): { start: IsoDate; end: IsoDate } {
  const { from, to } = billingPeriod(input);
  return { start: from, end: to };
}

/** Each channel at most once, and never more answered than held. */
export function channelProblems(channels: readonly ChannelInput[]): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  channels.forEach((channel, i) => {
    if (seen.has(channel.kind))
      problems.push({ field: `channels.${i}.kind`, message: `channel ${channel.kind} appears more than once` });
    seen.add(channel.kind);
    if (channel.answered !== undefined && channel.answered !== null && channel.answered > channel.conversations) {
      problems.push({
        field: `channels.${i}.answered`,
        message: `answered (${channel.answered}) must not exceed conversations (${channel.conversations})`,
      });
    }
  });
  return problems;
}

/** Each topic once (ignoring case and surrounding spaces), and shares that add up to at most the whole. */
export function topicProblems(topics: readonly TopicInput[]): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  topics.forEach((topic, i) => {
    const key = topic.topic.trim().toLocaleLowerCase('nl');
    if (seen.has(key))
      problems.push({ field: `topics.${i}.topic`, message: `topic ${topic.topic.trim()} appears more than once` });
    seen.add(key);
  });
  const total = topics.reduce((sum, topic) => sum + shareInTenThousandths(topic.share), 0);
  if (total > 10_000)
    problems.push({ field: 'topics', message: `the shares add up to ${formatShare(total)}, more than 1` });
  return problems;
}

/** "0.05" -> 500: shares are counted in whole ten-thousandths, so sums are exact. */
export function shareInTenThousandths(share: string): number {
  const [whole, fraction = ''] = share.split('.');
  return Number(whole) * 10_000 + Number(fraction.padEnd(4, '0'));
}

/** 500 -> "0.0500": the stored form, always four decimals. */
export function formatShare(tenThousandths: number): string {
  return `${Math.floor(tenThousandths / 10_000)}.${String(tenThousandths % 10_000).padStart(4, '0')}`;
}

export const normaliseShare = (share: string): string => formatShare(shareInTenThousandths(share));

/** A provider's figures are recorded by the provider itself or by the operator. */
export function mayRecordFiguresOf(
  caller: { organisationId: string; isOperator: boolean },
  providerId: string,
): boolean {
  return caller.isOperator || caller.organisationId === providerId;
}
