import { ALWAYS, daily } from '@wmo/domain';
import { changeLines, DraftChannel, gapsText, scheduleText, serviceEffect, weekdaysText } from './service-effect.rules';

const channel = (kind: string, schedule: DraftChannel['schedule'], closures: DraftChannel['closures'] = []) => ({
  kind,
  contact: null,
  schedule,
  closures,
});

describe('the compliance effect of a change to a service', () => {
  const coverage = {
    contracts: new Map([
      ['collective', { services: [{ id: 'sen', channels: [] }] }],
      [
        'own',
        { services: [{ id: 'other', channels: [{ kind: 'PHONE', counts: true, schedule: ALWAYS, closures: [] }] }] },
      ],
    ]),
    ranges: new Map([
      ['GM0001', [{ contractId: 'collective', from: '2026-01-01', to: null }]],
      ['GM0002', [{ contractId: 'collective', from: '2026-01-01', to: null }]],
      // Also covered by a phone line of its own, day and night.
      [
        'GM0003',
        [
          { contractId: 'collective', from: '2026-01-01', to: null },
          { contractId: 'own', from: '2026-01-01', to: null },
        ],
      ],
      // Only under its own contract: not served by the service.
      ['GM0004', [{ contractId: 'own', from: '2026-01-01', to: null }]],
    ]),
    names: new Map([
      ['GM0001', 'Een'],
      ['GM0002', 'Twee'],
      ['GM0003', 'Drie'],
    ]),
  };
  const duty = { code: 'WMO', countingChannels: ['PHONE', 'CHAT'], continuousAvailability: true };

  it('groups the municipalities whose duty becomes uncovered apart from those still covered by another contract', () => {
    const effect = serviceEffect({
      serviceId: 'sen',
      duty,
      period: { from: '2026-12-04', to: '2027-12-03' },
      coverage,
      before: [channel('PHONE', ALWAYS), channel('CHAT', daily('09:00', '22:00'))],
      after: [
        channel('PHONE', [...daily('00:00', '02:00'), ...daily('06:00', '24:00')]),
        channel('CHAT', daily('09:00', '22:00')),
      ],
    });
    expect(effect).toMatchObject({ municipalities: 3, becomeUncovered: 2, unchanged: 1, becomeCovered: 0, changed: 0 });
    expect(effect.groups.map((g) => [g.change, g.municipalities.map((m) => m.name)])).toEqual([
      ['UNCOVERED', ['Een', 'Twee']],
      ['UNCHANGED', ['Drie']],
    ]);
    expect(effect.groups[0].newGapsText).toBe('elke dag van 02:00 tot 06:00');
    expect(effect.groups[0].after.summary).toBe('niet bereikbaar elke dag van 02:00 tot 06:00');
    expect(effect.groups[1].after.summary).toBe('dag en nacht bereikbaar');
  });

  it('names a single gap by its weekday, to the minute', () => {
    const sundayNight = ALWAYS.flatMap((i) =>
      i.weekday === 7
        ? [
            { ...i, to: '02:00' },
            { ...i, from: '06:00' },
          ]
        : [i],
    );
    const effect = serviceEffect({
      serviceId: 'sen',
      duty,
      period: { from: '2026-12-04', to: '2027-12-03' },
      coverage,
      before: [channel('PHONE', ALWAYS)],
      after: [channel('PHONE', sundayNight)],
    });
    expect(effect.groups[0].newWeeklyGaps).toEqual([{ weekday: 7, from: '02:00', to: '06:00', minutes: 240 }]);
    expect(effect.groups[0].newGapsText).toBe('op zondag van 02:00 tot 06:00');
  });

  it('writes weekdays, hours and changes in Dutch', () => {
    expect(weekdaysText([1, 2, 3, 4, 5])).toBe('van maandag t/m vrijdag');
    expect(weekdaysText([6, 7])).toBe('op zaterdag en zondag');
    expect(weekdaysText([1, 3, 7])).toBe('op maandag, woensdag en zondag');
    expect(scheduleText(ALWAYS)).toBe('dag en nacht');
    expect(scheduleText([])).toBe('gesloten');
    expect(
      scheduleText([
        ...daily('09:00', '17:00').filter((i) => i.weekday <= 5),
        { weekday: 6, from: '10:00', to: '14:00' },
      ]),
    ).toBe('maandag t/m vrijdag 09:00-17:00; zaterdag 10:00-14:00');
    expect(
      gapsText(
        [],
        [{ start: '2026-12-24T18:00:00+01:00', end: '2026-12-25T08:00:00+01:00', minutes: 840, reasons: [] }],
      ),
    ).toBe('van 24 december 2026 18:00 tot 25 december 2026 08:00');
    expect(
      changeLines([channel('CHAT', ALWAYS)], [channel('CHAT', daily('08:00', '22:00')), channel('PHONE', ALWAYS)]),
    ).toEqual(['Chat: 08:00-22:00 (was: dag en nacht)', 'Telefoon: nieuw kanaal, dag en nacht']);
  });
});
