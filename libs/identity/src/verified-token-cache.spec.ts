import { Principal } from '@wmo/tenancy';
import { VerifiedTokenCache } from './verified-token-cache';

const principal = { id: 'u1' } as Principal;

describe('verified token cache', () => {
  it('answers until the token expires, then forgets it', () => {
    const cache = new VerifiedTokenCache();
    cache.set('a.b.c', principal, 1_000);
    expect(cache.get('a.b.c', 999_999)).toBe(principal);
    expect(cache.get('a.b.c', 1_000_000)).toBeUndefined();
    expect(cache.get('a.b.c', 999_999)).toBeUndefined();
  });

  it('knows only the exact token', () => {
    const cache = new VerifiedTokenCache();
    cache.set('a.b.c', principal, 2_000_000_000);
    expect(cache.get('a.b.d')).toBeUndefined();
  });

  it('holds at most its capacity, dropping the oldest', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('t1', principal, 2_000_000_000);
    cache.set('t2', principal, 2_000_000_000);
    cache.set('t3', principal, 2_000_000_000);
    expect([cache.get('t1'), cache.get('t2'), cache.get('t3')]).toEqual([undefined, principal, principal]);
  });
});
