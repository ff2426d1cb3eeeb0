import { RequestValidationError } from '@wmo/common';
import { scheduleProblems, WeeklyInterval } from '@wmo/domain';
import { isOperator, type Principal } from '@wmo/tenancy';

/**
 * A provider's legal and billing details (KvK, VAT id, IBAN, address) are for the operator and the
 * provider's own users; municipalities and the VNG see the provider without them.
 */
export function seesProviderBillingDetails(principal: Principal, providerId: string): boolean {
  return isOperator(principal) || principal.organisationId === providerId;
}

/** A service's channels: each kind once, weekly hours that make sense, closures that end after they start. */
export function assertChannelsValid(
  channels: ReadonlyArray<{
    kind: string;
    schedule: readonly WeeklyInterval[];
    closures?: ReadonlyArray<{ from: string; to: string }>;
  }>,
): void {
  const kinds = channels.map((channel) => channel.kind);
  const duplicate = kinds.find((kind, i) => kinds.indexOf(kind) !== i);
  if (duplicate)
    throw new RequestValidationError([{ field: 'channels', message: `channel ${duplicate} appears twice` }]);
  const problems = channels.flatMap((channel, i) => [
    ...scheduleProblems(channel.schedule).map((message) => ({ field: `channels.${i}.schedule`, message })),
    ...scheduleOverlaps(channel.schedule).map((message) => ({ field: `channels.${i}.schedule`, message })),
  ]);
  channels.forEach((channel, i) =>
    (channel.closures ?? []).forEach((closure, j) => assertClosureValid(closure, `channels.${i}.closures.${j}`)),
  );
  if (problems.length) throw new RequestValidationError(problems);
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const DAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Intervals of the same weekday that overlap (touching, 08:00-12:00 and 12:00-17:00, is fine). */
export function scheduleOverlaps(schedule: readonly WeeklyInterval[]): string[] {
  const problems: string[] = [];
  schedule.forEach((a, i) =>
    schedule.slice(0, i).forEach((b, j) => {
      if (a.weekday !== b.weekday) return;
      if (minutesOf(a.from) < minutesOf(b.to) && minutesOf(b.from) < minutesOf(a.to))
        problems.push(
          `interval ${i + 1} (${a.from}-${a.to}) overlaps interval ${j + 1} (${b.from}-${b.to}) on ${DAY_NAMES[a.weekday] ?? 'the same day'}`,
        );
    }),
  );
  return problems;
}

/** A closure is two valid date-times, the end after the start. */
export function assertClosureValid(closure: { from: string; to: string }, field: string): void {
  const from = Date.parse(closure.from);
  const to = Date.parse(closure.to);
  if (Number.isNaN(from) || Number.isNaN(to))
    throw new RequestValidationError([{ field, message: 'from and to must be valid date-times' }]);
  if (to <= from) throw new RequestValidationError([{ field: `${field}.to`, message: 'to must be after from' }]);
}

/** A closure as stored: its instants and reason. */
export function closurePeriod(closure: { from: string; to: string; reason: string }): {
  startsAt: Date;
  endsAt: Date;
  reason: string;
} {
  return { startsAt: new Date(closure.from), endsAt: new Date(closure.to), reason: closure.reason };
}
