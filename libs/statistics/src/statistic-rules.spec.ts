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
