import { CredentialRevocations } from './credential-revocations';

const token = { userId: 'u-1', version: 2, sessionId: 's-1' };

describe('credential revocations (asked for every access token)', () => {
  it('accepts a token of a user and session it knows nothing against', () => {
    expect(new CredentialRevocations().allows(token)).toBe(true);
  });

  it('refuses a token issued before the user’s credentials version rose, not one issued after', () => {
    const revocations = new CredentialRevocations();
    revocations.userChanged('u-1', 3);
    expect(revocations.allows(token)).toBe(false);
    expect(revocations.allows({ ...token, version: 3 })).toBe(true);
    expect(revocations.allows({ ...token, userId: 'u-2' })).toBe(true);
  });

  it('never lowers a version: a late or repeated message changes nothing', () => {
    const revocations = new CredentialRevocations();
    revocations.apply('{"user":"u-1","version":4}');
    revocations.apply('{"user":"u-1","version":3}');
    expect(revocations.allows({ ...token, version: 3 })).toBe(false);
    expect(revocations.allows({ ...token, version: 4 })).toBe(true);
  });

  it('refuses the tokens of an ended session for as long as any can be unexpired, then forgets it', () => {
    const revocations = new CredentialRevocations();
    const now = 1_000_000_000;
    revocations.apply('{"session":"s-1"}');
    expect(revocations.allows(token)).toBe(false);
    expect(revocations.allows({ ...token, sessionId: 's-2' })).toBe(true);
    const loaded = new CredentialRevocations();
    loaded.sessionEnded('s-1', 60, now);
    expect(loaded.allows(token, now + 15 * 60_000 - 1)).toBe(false);
    expect(loaded.allows(token, now + 15 * 60_000)).toBe(true);
    loaded.sessionEnded('s-3', 16 * 60, now);
    expect(loaded.allows({ ...token, sessionId: 's-3' }, now)).toBe(true);
  });

  it('ignores malformed messages', () => {
    const revocations = new CredentialRevocations();
    for (const payload of ['', 'not json', 'null', '{"user":"u-1","version":"9"}', '{"session":5}'])
      revocations.apply(payload);
    expect(revocations.allows(token)).toBe(true);
  });
});
