import { dayText, parseDay, sameEveryDay } from './schedule';

describe('weekly hours as people type them', () => {
  it('reads one or more blocks, "Dag en nacht" and empty (closed)', () => {
    expect(parseDay('8:00-22:00', 1)).toEqual({ intervals: [{ weekday: 1, from: '08:00', to: '22:00' }] });
    expect(parseDay('13.00-17.00, 08:00-12:00', 2)).toEqual({
      intervals: [
        { weekday: 2, from: '08:00', to: '12:00' },
        { weekday: 2, from: '13:00', to: '17:00' },
      ],
    });
    expect(parseDay('dag en nacht', 7)).toEqual({ intervals: [{ weekday: 7, from: '00:00', to: '24:00' }] });
    expect(parseDay('18:00-24:00', 3)).toEqual({ intervals: [{ weekday: 3, from: '18:00', to: '24:00' }] });
    expect(parseDay('  ', 3)).toEqual({ intervals: [] });
  });

  it('says in Dutch what is wrong: 25:00, an end before the start, overlapping blocks', () => {
    const error = (text: string) => {
      const parsed = parseDay(text, 1);
      return 'error' in parsed ? parsed.error : '';
    };
    expect(error('08:00-25:00')).toContain('Vul tijden in als 08:00-22:00');
    expect(error('22:00-08:00')).toContain('De eindtijd (08:00) moet na de begintijd (22:00)');
    expect(parseDay('08:00-12:00, 11:00-14:00', 1)).toEqual({
      error: 'De tijden 08:00-12:00 en 11:00-14:00 overlappen.',
    });
  });

  it('shows a day as "Dag en nacht", its blocks or "Gesloten"', () => {
    const schedule = [
      { weekday: 1 as const, from: '00:00', to: '24:00' },
      { weekday: 2 as const, from: '13:00', to: '17:00' },
      { weekday: 2 as const, from: '08:00', to: '12:00' },
    ];
    expect([1, 2, 3].map((day) => dayText(schedule, day))).toEqual([
      'Dag en nacht',
      '08:00-12:00, 13:00-17:00',
      'Gesloten',
    ]);
    expect(sameEveryDay(schedule)).toBe(false);
  });
});
