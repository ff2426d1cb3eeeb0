import { formatAmsterdam, fromAmsterdam, toAmsterdam } from './amsterdam-time';
import { ChannelAvailability, CoverageSlice, evaluateObligation, ObligationInput, worstStatus } from './compliance';
import { ALWAYS, daily, WeeklyInterval } from './weekly-schedule';

const channel = (
  kind: string,
  schedule: WeeklyInterval[],
  closures: ChannelAvailability['closures'] = [],
): ChannelAvailability => ({
  kind,
  counts: kind === 'PHONE' || kind === 'CHAT',
  schedule,
  closures,
});
/** Stichting Sensoor's service: telephone 24/7, e-mail 24/7, chat 09:00-22:00. */
const sensoor = (closures: ChannelAvailability['closures'] = []) => [
  channel('PHONE', ALWAYS, closures),
  channel('EMAIL', ALWAYS),
  channel('CHAT', daily('09:00', '22:00')),
];
const slice = (from: string, to: string | null, channels: ChannelAvailability[], key = 'c'): CoverageSlice => ({
  key,
  from,
  to,
  channels,
});
const evaluate = (overrides: Partial<ObligationInput>) =>
  evaluateObligation({
    period: { from: '2025-01-01', to: '2025-12-31' },
    asOf: '2025-12-31',
    slices: [],
    continuousAvailability: true,
    existsUntil: null,
    ...overrides,
  });
const closure = (start: string, end: string, reason = 'onderhoud') => ({
  start: Date.parse(start),
  end: Date.parse(end),
  reason,
});

describe('evaluateObligation (DOMAIN.md compliance)', () => {
  it('Sensoor for the whole year: COMPLIANT without gaps', () => {
    expect(evaluate({ slices: [slice('2018-01-01', null, sensoor())] })).toEqual({
      status: 'COMPLIANT',
      dayGaps: [],
      weeklyGaps: [],
      datedGaps: [],
      coveredUntil: null,
      uncoveredFrom: null,
    });
  });

  it('participation ending 2025-06-30 without successor: AT_RISK on 2025-04-15, NON_COMPLIANT for 2025 with the gap 2025-07-01..2025-12-31', () => {
    const slices = [slice('2018-01-01', '2025-06-30', sensoor())];
    expect(evaluate({ slices, period: { from: '2025-04-15', to: '2025-04-15' }, asOf: '2025-04-15' })).toMatchObject({
      status: 'AT_RISK',
      coveredUntil: '2025-06-30',
      uncoveredFrom: '2025-07-01',
    });
    expect(evaluate({ slices })).toMatchObject({
      status: 'NON_COMPLIANT',
      dayGaps: [{ from: '2025-07-01', to: '2025-12-31', days: 184 }],
    });
  });

  it('coverage ending more than 90 days ahead, with a successor, or with the municipality itself is no risk', () => {
    const day = { period: { from: '2025-04-15', to: '2025-04-15' }, asOf: '2025-04-15' };
    expect(evaluate({ ...day, slices: [slice('2018-01-01', '2025-07-14', sensoor())] }).status).toBe('AT_RISK');
    expect(evaluate({ ...day, slices: [slice('2018-01-01', '2025-07-15', sensoor())] }).status).toBe('COMPLIANT');
    expect(
      evaluate({
        ...day,
        slices: [slice('2018-01-01', '2025-06-30', sensoor(), 'a'), slice('2025-07-01', null, sensoor(), 'b')],
      }),
    ).toMatchObject({ status: 'COMPLIANT', coveredUntil: null });
    expect(
      evaluate({ ...day, slices: [slice('2018-01-01', '2025-06-30', sensoor())], existsUntil: '2025-06-30' }).status,
    ).toBe('COMPLIANT');
  });

  it('the 90-day horizon: coverage ending 2025-06-30 is AT_RISK on 2025-04-01 (90 days before), COMPLIANT on 2025-03-31 (91 days)', () => {
    const slices = [slice('2018-01-01', '2025-06-30', sensoor())];
    const on = (day: string) => evaluate({ slices, period: { from: day, to: day }, asOf: day });
    expect(on('2025-04-01')).toMatchObject({ status: 'AT_RISK', uncoveredFrom: '2025-07-01' });
    expect(on('2025-03-31')).toMatchObject({ status: 'COMPLIANT', coveredUntil: '2025-06-30', uncoveredFrom: null });
  });

  it('a service whose only real-time channel is chat 09:00-22:00: a weekly gap 22:00-09:00 every day', () => {
    const result = evaluate({
      slices: [slice('2025-01-01', null, [channel('CHAT', daily('09:00', '22:00')), channel('EMAIL', ALWAYS)])],
    });
    expect(result.status).toBe('NON_COMPLIANT');
    expect(result.weeklyGaps).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        from: '22:00',
        to: '09:00',
        minutes: 660,
        validFrom: '2025-01-01',
        validTo: '2025-12-31',
      })),
    );
  });

  it('an e-mail-only service is NON_COMPLIANT: no counting channel at any time of the week', () => {
    const result = evaluate({ slices: [slice('2025-01-01', null, [channel('EMAIL', ALWAYS)])] });
    expect(result.status).toBe('NON_COMPLIANT');
    expect(result.weeklyGaps).toHaveLength(7);
    expect(result.weeklyGaps[0]).toEqual({
      weekday: 1,
      from: '00:00',
      to: '24:00',
      minutes: 1440,
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
    });
  });

  it('office hours Monday to Friday 08:00-18:00: nights as one gap each, the weekend cut at midnight', () => {
    const weekdays: WeeklyInterval[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({
      weekday,
      from: '08:00',
      to: '18:00',
    }));
    const gaps = evaluate({ slices: [slice('2025-01-01', null, [channel('PHONE', weekdays)])] }).weeklyGaps.map(
      ({ weekday, from, to, minutes }) => ({ weekday, from, to, minutes }),
    );
    expect(gaps).toEqual([
      { weekday: 1, from: '00:00', to: '08:00', minutes: 480 },
      { weekday: 1, from: '18:00', to: '08:00', minutes: 840 },
      { weekday: 2, from: '18:00', to: '08:00', minutes: 840 },
      { weekday: 3, from: '18:00', to: '08:00', minutes: 840 },
      { weekday: 4, from: '18:00', to: '08:00', minutes: 840 },
      { weekday: 5, from: '18:00', to: '24:00', minutes: 360 },
      { weekday: 6, from: '00:00', to: '24:00', minutes: 1440 },
      { weekday: 7, from: '00:00', to: '24:00', minutes: 1440 },
    ]);
  });

  it('weekly gaps carry the days they apply to when the covering service changes', () => {
    const slices = [
      slice('2025-01-01', '2025-06-30', [channel('CHAT', daily('09:00', '22:00'))], 'a'),
      slice('2025-07-01', null, sensoor(), 'b'),
    ];
    const result = evaluate({ slices });
    expect(result.weeklyGaps).toHaveLength(7);
    expect(result.weeklyGaps.every((gap) => gap.validFrom === '2025-01-01' && gap.validTo === '2025-06-30')).toBe(true);
  });

  it('a dated closure of the telephone line at night yields that interval; by day the chat covers it', () => {
    const night = evaluate({
      slices: [
        slice(
          '2018-01-01',
          null,
          sensoor([closure('2025-03-10T02:00:00+01:00', '2025-03-10T04:00:00+01:00', 'storing telefooncentrale')]),
        ),
      ],
    });
    expect(night).toMatchObject({
      status: 'NON_COMPLIANT',
      weeklyGaps: [],
      datedGaps: [
        {
          start: '2025-03-10T02:00:00+01:00',
          end: '2025-03-10T04:00:00+01:00',
          minutes: 120,
          reasons: ['storing telefooncentrale'],
        },
      ],
    });
    const day = evaluate({
      slices: [slice('2018-01-01', null, sensoor([closure('2025-03-10T10:00:00+01:00', '2025-03-10T12:00:00+01:00')]))],
    });
    expect(day).toMatchObject({ status: 'COMPLIANT', datedGaps: [] });
    const evening = evaluate({
      slices: [slice('2018-01-01', null, sensoor([closure('2025-03-10T21:00:00+01:00', '2025-03-10T23:30:00+01:00')]))],
    });
    expect(evening.datedGaps).toEqual([
      { start: '2025-03-10T22:00:00+01:00', end: '2025-03-10T23:30:00+01:00', minutes: 90, reasons: ['onderhoud'] },
    ]);
  });

  it('phone closed 21:00-23:00 on 2025-05-05 while chat closes at 22:00 leaves the hour 22:00-23:00 uncovered (60 minutes)', () => {
    const result = evaluate({
      period: { from: '2025-05-05', to: '2025-05-05' },
      asOf: '2025-05-05',
      slices: [
        slice(
          '2018-01-01',
          null,
          sensoor([closure('2025-05-05T21:00:00+02:00', '2025-05-05T23:00:00+02:00', 'Storing telefonie (avond)')]),
        ),
      ],
    });
    expect(result.datedGaps).toEqual([
      {
        start: '2025-05-05T22:00:00+02:00',
        end: '2025-05-05T23:00:00+02:00',
        minutes: 60,
        reasons: ['Storing telefonie (avond)'],
      },
    ]);
  });

  it('closures across the daylight-saving changes have their true length (2025-03-30 01:00+01:00 to 04:00+02:00: 120 minutes)', () => {
    const spring = evaluate({
      slices: [slice('2018-01-01', null, sensoor([closure('2025-03-30T01:00:00+01:00', '2025-03-30T04:00:00+02:00')]))],
    });
    expect(spring.datedGaps).toEqual([
      { start: '2025-03-30T01:00:00+01:00', end: '2025-03-30T04:00:00+02:00', minutes: 120, reasons: ['onderhoud'] },
    ]);
    const autumn = evaluate({
      slices: [slice('2018-01-01', null, sensoor([closure('2025-10-26T01:00:00+02:00', '2025-10-26T04:00:00+01:00')]))],
    });
    expect(autumn.datedGaps).toEqual([
      { start: '2025-10-26T01:00:00+02:00', end: '2025-10-26T04:00:00+01:00', minutes: 240, reasons: ['onderhoud'] },
    ]);
  });

  it('a closure across the end of daylight saving, 2025-10-26 01:30+02:00 to 02:30+01:00, lasts 120 real minutes', () => {
    const result = evaluate({
      period: { from: '2025-10-26', to: '2025-10-26' },
      asOf: '2025-10-26',
      slices: [slice('2018-01-01', null, sensoor([closure('2025-10-26T01:30:00+02:00', '2025-10-26T02:30:00+01:00')]))],
    });
    expect(result).toMatchObject({ status: 'NON_COMPLIANT' });
    expect(result.datedGaps).toEqual([
      { start: '2025-10-26T01:30:00+02:00', end: '2025-10-26T02:30:00+01:00', minutes: 120, reasons: ['onderhoud'] },
    ]);
  });

  it('closures outside the period or of a channel that does not count are no gap', () => {
    const outside = evaluate({
      slices: [slice('2018-01-01', null, sensoor([closure('2024-03-10T02:00:00+01:00', '2024-03-10T04:00:00+01:00')]))],
    });
    expect(outside.datedGaps).toEqual([]);
    const email = evaluate({
      slices: [
        slice('2018-01-01', null, [
          channel('PHONE', ALWAYS),
          channel('EMAIL', ALWAYS, [closure('2025-03-10T02:00:00+01:00', '2025-03-10T04:00:00+01:00')]),
        ]),
      ],
    });
    expect(email.status).toBe('COMPLIANT');
  });

  it('a duty without continuous availability (De Kindertelefoon, 11:00-21:00) is met by any counting channel', () => {
    const kt = [channel('PHONE', daily('11:00', '21:00')), channel('CHAT', daily('11:00', '21:00'))];
    expect(evaluate({ continuousAvailability: false, slices: [slice('2015-01-01', null, kt)] }).status).toBe(
      'COMPLIANT',
    );
    expect(
      evaluate({ continuousAvailability: false, slices: [slice('2015-01-01', null, [channel('EMAIL', ALWAYS)])] })
        .status,
    ).toBe('NON_COMPLIANT');
  });

  it('days without any contract are gaps, merged into intervals', () => {
    const slices = [
      slice('2025-01-01', '2025-03-31', sensoor(), 'a'),
      slice('2025-06-01', '2025-12-31', sensoor(), 'b'),
    ];
    expect(evaluate({ slices }).dayGaps).toEqual([{ from: '2025-04-01', to: '2025-05-31', days: 61 }]);
    expect(evaluate({ slices: [] }).dayGaps).toEqual([{ from: '2025-01-01', to: '2025-12-31', days: 365 }]);
  });

  it('the worst status wins', () => {
    expect(worstStatus(['COMPLIANT', 'AT_RISK'])).toBe('AT_RISK');
    expect(worstStatus(['AT_RISK', 'NON_COMPLIANT', 'COMPLIANT'])).toBe('NON_COMPLIANT');
    expect(worstStatus([])).toBe('COMPLIANT');
  });
});

describe('Amsterdam time', () => {
  it('midnight of a local day, in winter and summer', () => {
    expect(new Date(fromAmsterdam('2025-01-15', 0)).toISOString()).toBe('2025-01-14T23:00:00.000Z');
    expect(new Date(fromAmsterdam('2025-07-15', 0)).toISOString()).toBe('2025-07-14T22:00:00.000Z');
    expect(new Date(fromAmsterdam('2025-03-30', 0)).toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(new Date(fromAmsterdam('2025-10-27', 0)).toISOString()).toBe('2025-10-26T23:00:00.000Z');
  });

  it('wall-clock parts and offsets around the changes', () => {
    expect(toAmsterdam(Date.parse('2025-03-30T01:30:00Z'))).toEqual({
      date: '2025-03-30',
      weekday: 7,
      minute: 3 * 60 + 30,
    });
    expect(toAmsterdam(Date.parse('2025-10-26T00:30:00Z'))).toEqual({
      date: '2025-10-26',
      weekday: 7,
      minute: 2 * 60 + 30,
    });
    expect(toAmsterdam(Date.parse('2025-10-26T01:30:00Z'))).toEqual({
      date: '2025-10-26',
      weekday: 7,
      minute: 2 * 60 + 30,
    });
    expect(formatAmsterdam(Date.parse('2025-06-01T10:00:00Z'))).toBe('2025-06-01T12:00:00+02:00');
  });
});
