import { billableParticipants, clipToExistence, existedDuring } from './participation.rules';

const Y2019 = { from: '2019-01-01', to: '2019-12-31' };

describe('existedDuring: a municipality counts for a period when its code existed on one of its days', () => {
  it.each([
    ['always existed', null, null, true],
    ['formed on the last day of the period', '2019-12-31', null, true],
    ['formed after the period', '2020-01-01', null, false],
    ['ended on the first day of the period', null, '2019-01-01', true],
    ['ended before the period (merged away)', null, '2018-12-31', false],
  ])('%s', (_case, validFrom, validTo, existed) => {
    expect(existedDuring({ validFrom, validTo }, Y2019)).toBe(existed);
  });
});

describe('clipToExistence: the later start and the earlier end, an open end giving way', () => {
  it('a participation from before the municipality was formed starts on its first day', () => {
    expect(clipToExistence({ from: '2018-01-01', to: null }, { validFrom: '2019-01-01', validTo: null })).toEqual({
      from: '2019-01-01',
      to: null,
    });
  });

  it('an open participation of a municipality that ended ends on its last day', () => {
    expect(clipToExistence({ from: '2018-01-01', to: null }, { validFrom: null, validTo: '2018-12-31' })).toEqual({
      from: '2018-01-01',
      to: '2018-12-31',
    });
  });

  it('the earlier of two ends', () => {
    expect(
      clipToExistence({ from: '2018-01-01', to: '2019-06-30' }, { validFrom: null, validTo: '2018-12-31' }).to,
    ).toBe('2018-12-31');
    expect(
      clipToExistence({ from: '2018-01-01', to: '2018-06-30' }, { validFrom: null, validTo: '2018-12-31' }).to,
    ).toBe('2018-06-30');
  });

  it('a participation after the municipality ended comes out empty (ends before it starts)', () => {
    expect(clipToExistence({ from: '2019-07-01', to: null }, { validFrom: null, validTo: '2019-06-30' })).toEqual({
      from: '2019-07-01',
      to: '2019-06-30',
    });
  });
});

describe('billableParticipants: counted and billed are the participants whose municipality existed in the period', () => {
  const municipalities = new Map([
    ['GM0106', { name: 'Assen', validFrom: null, validTo: null }],
    ['GM1966', { name: 'Het Hogeland', validFrom: '2019-01-01', validTo: null }],
    ['GM0005', { name: 'Bedum', validFrom: null, validTo: '2018-12-31' }],
  ]);

  it('keeps the order, names them, clips their stretches, and leaves out the merged-away and the unknown', () => {
    expect(
      billableParticipants(
        [
          { code: 'GM0005', stretches: [{ from: '2018-01-01', to: null }] },
          {
            code: 'GM0106',
            stretches: [
              { from: '2018-01-01', to: '2019-03-31' },
              { from: '2019-07-01', to: null },
            ],
          },
          { code: 'GM1966', stretches: [{ from: '2018-01-01', to: null }] },
          { code: 'GM9999', stretches: [{ from: '2018-01-01', to: null }] },
        ],
        municipalities,
        Y2019,
      ),
    ).toEqual([
      {
        code: 'GM0106',
        name: 'Assen',
        stretches: [
          { from: '2018-01-01', to: '2019-03-31' },
          { from: '2019-07-01', to: null },
        ],
      },
      { code: 'GM1966', name: 'Het Hogeland', stretches: [{ from: '2019-01-01', to: null }] },
    ]);
  });
});
