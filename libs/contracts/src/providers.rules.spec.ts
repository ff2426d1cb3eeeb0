import { RequestValidationError } from '@wmo/common';
import { ALWAYS } from '@wmo/domain';
import { assertChannelsValid, assertClosureValid, closurePeriod } from './providers.rules';

function fieldErrors(work: () => unknown) {
  try {
    work();
  } catch (error) {
    return (error as RequestValidationError).fieldErrors;
  }
  return [];
}

describe("a service's channels", () => {
  it('accepts a phone line around the clock', () => {
    expect(fieldErrors(() => assertChannelsValid([{ kind: 'PHONE', schedule: ALWAYS }]))).toEqual([]);
  });

  it('refuses the same kind twice', () => {
    expect(
      fieldErrors(() =>
        assertChannelsValid([
          { kind: 'PHONE', schedule: ALWAYS },
          { kind: 'PHONE', schedule: ALWAYS },
        ]),
      ),
    ).toEqual([{ field: 'channels', message: 'channel PHONE appears twice' }]);
  });

  it('names the closure that ends before it starts by its place', () => {
    expect(
      fieldErrors(() =>
        assertChannelsValid([
          {
            kind: 'CHAT',
            schedule: ALWAYS,
            closures: [{ from: '2025-12-25T08:00:00+01:00', to: '2025-12-24T18:00:00+01:00' }],
          },
        ]),
      ),
    ).toEqual([{ field: 'channels.0.closures.0.to', message: 'to must be after from' }]);
  });
});

describe('a closure', () => {
  it('refuses a date-time that does not parse', () => {
    expect(fieldErrors(() => assertClosureValid({ from: 'soon', to: '2025-01-01T00:00:00Z' }, 'closure'))).toEqual([
      { field: 'closure', message: 'from and to must be valid date-times' },
    ]);
  });

  it('is stored as its instants: 18:00 in winter in Amsterdam is 17:00 UTC', () => {
    expect(
      closurePeriod({ from: '2025-12-24T18:00:00+01:00', to: '2025-12-25T08:00:00+01:00', reason: 'Kerst' }),
    ).toEqual({
      startsAt: new Date('2025-12-24T17:00:00Z'),
      endsAt: new Date('2025-12-25T07:00:00Z'),
      reason: 'Kerst',
    });
  });
});
