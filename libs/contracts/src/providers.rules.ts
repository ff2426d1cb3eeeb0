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
  ]);
  channels.forEach((channel, i) =>
    (channel.closures ?? []).forEach((closure, j) => assertClosureValid(closure, `channels.${i}.closures.${j}`)),
  );
  if (problems.length) throw new RequestValidationError(problems);
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
