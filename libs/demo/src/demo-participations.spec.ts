import { demoParticipations } from './demo-participations';

const term = { start: '2015-01-01', end: '2017-12-31' };

describe('demo participations', () => {
  it('a municipality existing throughout takes part for the whole term (ENROLMENT)', () => {
    expect(
      demoParticipations([{ code: 'GM0106', validFrom: null, validTo: null }], term, { kind: 'ALL', except: [] }),
    ).toEqual([{ code: 'GM0106', from: '2015-01-01', to: '2017-12-31', origin: 'ENROLMENT' }]);
  });

  it('one merged away takes part until it ends; the one born of the merger continues from its first day (ROLL_OVER)', () => {
    expect(
      demoParticipations(
        [
          { code: 'GM0007', validFrom: null, validTo: '2016-12-31' },
          { code: 'GM1966', validFrom: '2017-01-01', validTo: null },
        ],
        term,
        { kind: 'ALL', except: [] },
      ),
    ).toEqual([
      { code: 'GM0007', from: '2015-01-01', to: '2016-12-31', origin: 'ENROLMENT' },
      { code: 'GM1966', from: '2017-01-01', to: '2017-12-31', origin: 'ROLL_OVER' },
    ]);
  });

  it('municipalities ended before the term or born after it, and the excepted ones, take no part', () => {
    expect(
      demoParticipations(
        [
          { code: 'GM0001', validFrom: null, validTo: '2014-12-31' },
          { code: 'GM1999', validFrom: '2018-01-01', validTo: null },
          { code: 'GM0363', validFrom: null, validTo: null },
        ],
        term,
        { kind: 'ALL', except: ['GM0363'] },
      ),
    ).toEqual([]);
  });

  it('an open-ended term keeps open ends open, and a municipality born later starts on its first day', () => {
    expect(
      demoParticipations(
        [
          { code: 'GM0106', validFrom: null, validTo: null },
          { code: 'GM1966', validFrom: '2019-01-01', validTo: null },
          { code: 'GM0007', validFrom: null, validTo: '2018-12-31' },
        ],
        { start: '2018-01-01', end: null },
        { kind: 'ALL', except: [] },
      ),
    ).toEqual([
      { code: 'GM0106', from: '2018-01-01', to: null, origin: 'ENROLMENT' },
      { code: 'GM1966', from: '2019-01-01', to: null, origin: 'ROLL_OVER' },
      { code: 'GM0007', from: '2018-01-01', to: '2018-12-31', origin: 'ENROLMENT' },
    ]);
  });

  it("a municipality's own contract covers it alone (CONTRACT)", () => {
    expect(
      demoParticipations(
        [
          { code: 'GM0363', validFrom: null, validTo: null },
          { code: 'GM0106', validFrom: null, validTo: null },
        ],
        { start: '2015-01-01', end: null },
        { kind: 'CONTRACTING', code: 'GM0363' },
      ),
    ).toEqual([{ code: 'GM0363', from: '2015-01-01', to: null, origin: 'CONTRACT' }]);
  });
});
