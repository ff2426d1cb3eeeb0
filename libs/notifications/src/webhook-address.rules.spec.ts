import type { LookupAddress } from 'node:dns';
import { checkWebhookUrl, INTERNAL_TARGET } from './notifications.rules';
import { isInternalAddress } from './webhook-address.rules';
import { publicOnlyLookup, resolvedTargetProblem, Resolver } from './webhook-target';

describe('internal addresses a webhook may not reach', () => {
  it.each([
    ['IPv4 loopback', '127.0.0.1'],
    ['IPv4 loopback, elsewhere in 127/8', '127.8.9.10'],
    ['RFC 1918 10/8', '10.1.2.3'],
    ['RFC 1918 172.16/12', '172.31.255.254'],
    ['RFC 1918 192.168/16', '192.168.0.1'],
    ['link-local (cloud metadata)', '169.254.169.254'],
    ['IPv4 unspecified', '0.0.0.0'],
    ['IPv4 multicast', '224.0.0.251'],
    ['IPv4 broadcast', '255.255.255.255'],
    ['carrier-grade NAT', '100.64.0.1'],
    ['IPv6 loopback', '::1'],
    ['IPv6 unspecified', '::'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv6 unique-local fc00::/7', 'fd12:3456::1'],
    ['IPv6 multicast', 'ff02::1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped private', '::ffff:10.0.0.1'],
    ['NAT64 of loopback', '64:ff9b::7f00:1'],
    ['IPv4-compatible loopback (::/96)', '::7f00:1'],
    ['IPv4-compatible private (::/96)', '::a00:1'],
    ['not an address at all', 'example.nl'],
  ])('%s (%s) is internal', (_class, address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each([
    ['public IPv4', '93.184.215.14'],
    ['public IPv6', '2001:4860:4860::8888'],
    ['IPv4-mapped public', '::ffff:93.184.215.14'],
  ])('%s (%s) is public', (_class, address) => {
    expect(isInternalAddress(address)).toBe(false);
  });
});

describe('webhook URLs aimed inside, outside development', () => {
  it.each([
    'https://127.0.0.1/hook',
    'https://localhost/hook',
    'https://LOCALHOST./hook',
    'https://api.localhost/hook',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[fd00::1]/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://10.0.0.5:8443/hook',
    'https://192.168.1.1/hook',
    'https://0.0.0.0/hook',
    'https://2130706433/hook',
    'https://0x7f.1/hook',
  ])('%s is refused, naming url', (raw) => {
    expect(checkWebhookUrl(raw, false, false)).toEqual({
      url: null,
      problem: { field: 'url', message: INTERNAL_TARGET },
    });
  });

  it('the same are accepted where internal targets are allowed (development, tests)', () => {
    expect(checkWebhookUrl('https://127.0.0.1/hook', false, true)).toEqual({
      url: 'https://127.0.0.1/hook',
      problem: null,
    });
  });

  it('a public address or host name passes the literal check (the name is resolved next)', () => {
    expect(checkWebhookUrl('https://93.184.215.14/hook', false, false).problem).toBeNull();
    expect(checkWebhookUrl('https://erp.example.nl/hook', false, false).problem).toBeNull();
  });
});

const resolverOf =
  (answers: Record<string, string[]>): Resolver =>
  (hostname) =>
    hostname in answers
      ? Promise.resolve(answers[hostname].map((address) => ({ address, family: address.includes(':') ? 6 : 4 })))
      : Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));

describe('host names, resolved at registration', () => {
  const resolve = resolverOf({
    'public.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'inside.example': ['10.0.0.7'],
    'mixed.example': ['93.184.215.14', '127.0.0.1'],
  });

  it('a name whose every address is public is accepted', async () => {
    expect(await resolvedTargetProblem('public.example', resolve)).toBeNull();
  });

  it.each(['inside.example', 'mixed.example', 'localhost'])('%s is refused: an address is internal', async (host) => {
    expect(await resolvedTargetProblem(host, resolve)).toEqual({ field: 'url', message: INTERNAL_TARGET });
  });

  it('a name that does not resolve is refused', async () => {
    expect(await resolvedTargetProblem('nowhere.example', resolve)).toEqual({
      field: 'url',
      message: "url's host nowhere.example could not be resolved",
    });
  });
});

describe('host names, resolved again at delivery', () => {
  const lookup = (host: string, all: boolean, answers: Record<string, string[]>) =>
    new Promise<{ error: Error | null; address: string | LookupAddress[] }>((done) =>
      publicOnlyLookup(resolverOf(answers))(host, { all }, (error, address) => done({ error, address })),
    );

  it('hands the client exactly the addresses it checked', async () => {
    expect(await lookup('hooks.example', false, { 'hooks.example': ['93.184.215.14'] })).toEqual({
      error: null,
      address: '93.184.215.14',
    });
    expect(await lookup('hooks.example', true, { 'hooks.example': ['93.184.215.14'] })).toEqual({
      error: null,
      address: [{ address: '93.184.215.14', family: 4 }],
    });
  });

  it('refuses a name that now resolves inside (DNS rebinding), whichever address comes first', async () => {
    const { error } = await lookup('hooks.example', true, { 'hooks.example': ['93.184.215.14', '169.254.169.254'] });
    // The internal address itself is not told to whoever registered the hook.
    expect(error?.message).toBe('hooks.example resolves to an internal address: not delivered');
  });
});
