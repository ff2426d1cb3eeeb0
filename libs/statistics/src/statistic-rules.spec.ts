import {
  channelProblems,
  mayRecordFiguresOf,
  normaliseShare,
  periodProblems,
  resolvePeriod,
  SHARE_PATTERN,
  topicProblems,
} from './statistic-rules';

describe('statistic rules', () => {
  it('a year is the whole calendar year', () => {
    expect(periodProblems({ year: 2016 })).toEqual([]);
    expect(resolvePeriod({ year: 2016 })).toEqual({ start: '2016-01-01', end: '2016-12-31' });
  });

  it('a period within one year is accepted as given', () => {
    expect(periodProblems({ periodStart: '2017-01-01', periodEnd: '2017-06-30' })).toEqual([]);
    expect(resolvePeriod({ periodStart: '2017-01-01', periodEnd: '2017-06-30' })).toEqual({
      start: '2017-01-01',
      end: '2017-06-30',
    });
  });

  it.each([
    ['year and dates', { year: 2016, periodStart: '2016-01-01', periodEnd: '2016-12-31' }, 'year'],
    ['neither', {}, 'year'],
    ['only periodStart', { periodStart: '2016-01-01' }, 'periodEnd'],
    ['only periodEnd', { periodEnd: '2016-12-31' }, 'periodStart'],
    ['an end before the start', { periodStart: '2016-06-01', periodEnd: '2016-05-31' }, 'periodEnd'],
    ['two calendar years', { periodStart: '2016-07-01', periodEnd: '2017-06-30' }, 'periodEnd'],
  ])('%s is refused, naming %s', (_case, input, field) => {
    expect(periodProblems(input).map((problem) => problem.field)).toEqual([field]);
  });

  it.each([
    [
      'an end before the start',
      { periodStart: '2019-07-01', periodEnd: '2019-06-30' },
      { field: 'periodEnd', message: 'periodEnd must not be before periodStart' },
    ],
    [
      'year and dates together',
      { year: 2019, periodStart: '2019-01-01', periodEnd: '2019-12-31' },
      { field: 'year', message: 'give either year, or periodStart and periodEnd, not both' },
    ],
    ['no period at all', {}, { field: 'year', message: 'give either year, or periodStart and periodEnd' }],
    [
      'only a start',
      { periodStart: '2019-01-01' },
      { field: 'periodEnd', message: 'periodStart and periodEnd go together' },
    ],
    [
      'a period over two calendar years',
      { periodStart: '2019-07-01', periodEnd: '2020-06-30' },
      {
        field: 'periodEnd',
        message: 'a period must lie within one calendar year; record 2019-07-01 to 2019-12-31 and the rest separately',
      },
    ],
  ])('%s: the field and the message the API answers with', (_case, input, problem) => {
    expect(periodProblems(input)).toEqual([problem]);
  });

  it('a channel twice and more answered than held are refused, each named', () => {
    expect(
      channelProblems([
        { kind: 'PHONE', conversations: 10, answered: 11 },
        { kind: 'CHAT', conversations: 5 },
        { kind: 'PHONE', conversations: 1, answered: null },
      ]),
    ).toEqual([
      { field: 'channels.0.answered', message: 'answered (11) must not exceed conversations (10)' },
      { field: 'channels.2.kind', message: 'channel PHONE appears more than once' },
    ]);
    expect(channelProblems([{ kind: 'EMAIL', conversations: 3250, answered: 3250 }])).toEqual([]);
  });

  it('PHONE 1 then PHONE 2: the second mention is named, channels.1.kind', () => {
    expect(
      channelProblems([
        { kind: 'PHONE', conversations: 1 },
        { kind: 'PHONE', conversations: 2 },
      ]),
    ).toEqual([{ field: 'channels.1.kind', message: 'channel PHONE appears more than once' }]);
  });

  it('shares are exact: 0.3333 x 3 fits, 0.5 + 0.5001 does not', () => {
    expect(topicProblems(['a', 'b', 'c'].map((topic) => ({ topic, share: '0.3333' })))).toEqual([]);
    expect(topicProblems([{ topic: 'a', share: '1' }])).toEqual([]);
    expect(
      topicProblems([
        { topic: 'a', share: '0.5' },
        { topic: 'b', share: '0.5001' },
      ]),
    ).toEqual([{ field: 'topics', message: 'the shares add up to 1.0001, more than 1' }]);
  });

  it('Eenzaamheid 0.6 and Relaties 0.4001 add up to 1.0001, more than 1', () => {
    expect(
      topicProblems([
        { topic: 'Eenzaamheid', share: '0.6' },
        { topic: 'Relaties', share: '0.4001' },
      ]),
    ).toEqual([{ field: 'topics', message: 'the shares add up to 1.0001, more than 1' }]);
  });

  it('Eenzaamheid and eenzaamheid are the same topic: topics.1.topic', () => {
    expect(
      topicProblems([
        { topic: 'Eenzaamheid', share: '0.1' },
        { topic: 'eenzaamheid', share: '0.1' },
      ]),
    ).toEqual([{ field: 'topics.1.topic', message: 'topic eenzaamheid appears more than once' }]);
  });

  it('a topic twice (ignoring case) is refused', () => {
    expect(
      topicProblems([
        { topic: 'Zelfmoord', share: '0.05' },
        { topic: ' zelfmoord', share: '0.01' },
      ]),
    ).toEqual([{ field: 'topics.1.topic', message: 'topic zelfmoord appears more than once' }]);
  });

  it('a share is a decimal from 0 to 1 with at most four decimals, stored with four', () => {
    for (const ok of ['0', '1', '0.05', '0.0500', '1.0000', '0.9999'])
      expect([ok, SHARE_PATTERN.test(ok)]).toEqual([ok, true]);
    for (const bad of ['1.0001', '1.5', '-0.1', '0.00001', '.5', '5%', '0,05', ''])
      expect([bad, SHARE_PATTERN.test(bad)]).toEqual([bad, false]);
    expect(normaliseShare('0.05')).toBe('0.0500');
    expect(normaliseShare('1')).toBe('1.0000');
    expect(normaliseShare('0')).toBe('0.0000');
  });

  it('figures are recorded by the provider itself or the operator, by no one else', () => {
    expect(mayRecordFiguresOf({ organisationId: 'sensoor', isOperator: false }, 'sensoor')).toBe(true);
    expect(mayRecordFiguresOf({ organisationId: 'platform', isOperator: true }, 'sensoor')).toBe(true);
    expect(mayRecordFiguresOf({ organisationId: 'sensoor-amsterdam', isOperator: false }, 'sensoor')).toBe(false);
  });
});
