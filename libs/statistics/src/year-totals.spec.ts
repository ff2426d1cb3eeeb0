import { yearTotals } from './year-totals';

describe('yearly totals from channel sums', () => {
  it("sums each provider's year over its channels, keeping the order given and answered as summed", () => {
    expect(
      yearTotals([
        { providerId: 'sensoor', year: 2016, kind: 'PHONE', conversations: 233_866, answered: null },
        { providerId: 'sensoor', year: 2016, kind: 'CHAT', conversations: 18_713, answered: null },
        { providerId: 'sensoor', year: 2016, kind: 'EMAIL', conversations: 1_198, answered: null },
        { providerId: 'sensoor', year: 2013, kind: 'PHONE', conversations: 240_000, answered: null },
        { providerId: 'sensoor', year: 2013, kind: 'EMAIL', conversations: 3_250, answered: 3_250 },
        { providerId: 'amsterdam', year: 2016, kind: 'CHAT', conversations: 42, answered: 40 },
      ]),
    ).toEqual([
      {
        providerId: 'sensoor',
        year: 2016,
        channels: [
          { kind: 'PHONE', conversations: 233_866, answered: null },
          { kind: 'CHAT', conversations: 18_713, answered: null },
          { kind: 'EMAIL', conversations: 1_198, answered: null },
        ],
        totalConversations: 253_777,
      },
      {
        providerId: 'sensoor',
        year: 2013,
        channels: [
          { kind: 'PHONE', conversations: 240_000, answered: null },
          { kind: 'EMAIL', conversations: 3_250, answered: 3_250 },
        ],
        totalConversations: 243_250,
      },
      {
        providerId: 'amsterdam',
        year: 2016,
        channels: [{ kind: 'CHAT', conversations: 42, answered: 40 }],
        totalConversations: 42,
      },
    ]);
  });

  it('no sums, no years', () => {
    expect(yearTotals([])).toEqual([]);
  });
});
