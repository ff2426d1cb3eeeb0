import {
  checkWebhookUrl,
  failureOutcome,
  newlyNotified,
  responseOutcome,
  statusAfterAttempt,
  subscriptionsFor,
} from './notifications.rules';

describe('notification rules', () => {
  it('only the drafts whose organisation and dedupe key were inserted are new', () => {
    const drafts = [
      { organisationId: 'assen', dedupeKey: 'nc:2025-01-01' },
      { organisationId: 'groningen', dedupeKey: 'nc:2025-01-01' },
      { organisationId: 'assen', dedupeKey: 'ending:2025-06-30' },
    ];
    expect(newlyNotified(drafts, [{ organisationId: 'groningen', dedupeKey: 'nc:2025-01-01' }])).toEqual([
      { organisationId: 'groningen', dedupeKey: 'nc:2025-01-01' },
    ]);
    expect(newlyNotified(drafts, [])).toEqual([]);
  });

  it('an event reaches the subscriptions of its organisations that subscribed to its type', () => {
    const subscriptions = [
      { id: 'a1', organisationId: 'assen', events: ['invoice.issued', 'obligation.changed'] },
      { id: 'a2', organisationId: 'assen', events: ['invoice.overdue'] },
      { id: 'g1', organisationId: 'groningen', events: ['invoice.issued'] },
    ];
    const targets = subscriptionsFor({ event: 'invoice.issued', organisationIds: ['assen'] }, subscriptions);
    expect(targets.map((s) => s.id)).toEqual(['a1']);
    expect(
      subscriptionsFor({ event: 'invoice.issued', organisationIds: ['assen', 'groningen'] }, subscriptions).map(
        (s) => s.id,
      ),
    ).toEqual(['a1', 'g1']);
    expect(subscriptionsFor({ event: 'obligation.changed', organisationIds: ['groningen'] }, subscriptions)).toEqual(
      [],
    );
  });
});

describe('webhook URLs', () => {
  it('an https URL is accepted in its normalised form', () => {
    expect(checkWebhookUrl('  https://Example.nl/hooks ', false, false)).toEqual({
      url: 'https://example.nl/hooks',
      problem: null,
    });
  });

  it.each([
    ['not a URL', 'example.nl/hooks', false, 'url must be an absolute URL such as https://example.nl/hooks'],
    ['http in production', 'http://example.nl/hooks', false, 'url must use https'],
    ['ftp where http is allowed', 'ftp://example.nl/hooks', true, 'url must use https or http'],
    [
      'a password in the URL',
      'https://user:secret@example.nl/hooks',
      false,
      'url must not contain a user name or password; deliveries are signed instead',
    ],
  ])('%s is refused: %s', (_case, raw, allowHttp, message) => {
    expect(checkWebhookUrl(raw, allowHttp, false)).toEqual({ url: null, problem: { field: 'url', message } });
  });

  it('http is accepted where allowed (development, tests)', () => {
    expect(checkWebhookUrl('http://127.0.0.1:4000/hook', true, true)).toEqual({
      url: 'http://127.0.0.1:4000/hook',
      problem: null,
    });
  });
});

describe('delivery attempts', () => {
  it('any 2xx delivers; a redirect or an error status fails with the status', () => {
    expect(responseOutcome(204)).toEqual({ ok: true, responseStatus: 204, error: null });
    expect(responseOutcome(302)).toEqual({ ok: false, responseStatus: 302, error: 'HTTP 302' });
    expect(responseOutcome(500)).toEqual({ ok: false, responseStatus: 500, error: 'HTTP 500' });
    expect(failureOutcome(new Error('fetch failed'))).toEqual({
      ok: false,
      responseStatus: null,
      error: 'fetch failed',
    });
  });

  it('a failure stays PENDING while retries remain and is FAILED after the last of 8 retries', () => {
    expect(statusAfterAttempt(true, 3, 8)).toBe('DELIVERED');
    expect(statusAfterAttempt(false, 0, 8)).toBe('PENDING');
    expect(statusAfterAttempt(false, 7, 8)).toBe('PENDING');
    expect(statusAfterAttempt(false, 8, 8)).toBe('FAILED');
    expect(statusAfterAttempt(false, 0, 0)).toBe('FAILED');
  });
});
