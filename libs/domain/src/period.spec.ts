import { subtractPeriods } from './period';

describe('subtractPeriods (a contract participation less its exceptions)', () => {
  it('cuts a hole, the front or the back, and leaves what does not meet', () => {
    const year = { from: '2025-01-01', to: '2025-12-31' };
    expect(subtractPeriods(year, [{ from: '2025-03-01', to: '2025-03-31' }])).toEqual([
      { from: '2025-01-01', to: '2025-02-28' },
      { from: '2025-04-01', to: '2025-12-31' },
    ]);
    expect(subtractPeriods(year, [{ from: '2024-06-01', to: '2025-01-31' }])).toEqual([
      { from: '2025-02-01', to: '2025-12-31' },
    ]);
    expect(subtractPeriods(year, [{ from: '2025-07-01', to: null }])).toEqual([
      { from: '2025-01-01', to: '2025-06-30' },
    ]);
    expect(subtractPeriods(year, [{ from: '2026-01-01', to: null }])).toEqual([year]);
  });

  it('an open-ended participation keeps its open end after a cut; a cut of everything leaves nothing', () => {
    expect(subtractPeriods({ from: '2018-01-01', to: null }, [{ from: '2020-01-01', to: '2020-12-31' }])).toEqual([
      { from: '2018-01-01', to: '2019-12-31' },
      { from: '2021-01-01', to: null },
    ]);
    expect(subtractPeriods({ from: '2025-01-01', to: '2025-12-31' }, [{ from: '2018-01-01', to: null }])).toEqual([]);
  });
});
