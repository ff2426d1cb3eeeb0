import { ConfigError, listSetting, loadConfig, webhookPrivateTargetsAllowed } from './app-config';

describe('TRUSTED_PROXIES', () => {
  it('is empty by default: no proxy is trusted', () => {
    expect(listSetting(loadConfig({}).TRUSTED_PROXIES)).toEqual([]);
  });

  it('takes IPv4 and IPv6 addresses and CIDR ranges, comma-separated', () => {
    const config = loadConfig({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1, fd00::/8' });
    expect(listSetting(config.TRUSTED_PROXIES)).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
  });

  it.each(['loadbalancer.local', '10.0.0.0/33', '300.1.1.1', '127.0.0.1,,nope'])(
    'refuses %s, naming the variable',
    (value) => {
      expect(() => loadConfig({ TRUSTED_PROXIES: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUSTED_PROXIES: value })).toThrow(
        /TRUSTED_PROXIES=.*comma-separated IP addresses or CIDR/,
      );
    },
  );
});

describe('WEBHOOK_ALLOW_PRIVATE', () => {
  it.each([
    ['production', undefined, false],
    ['development', undefined, true],
    ['test', undefined, true],
    ['production', '1', true],
    ['test', '0', false],
  ] as const)('NODE_ENV=%s, WEBHOOK_ALLOW_PRIVATE=%s: internal targets allowed %s', (env, flag, allowed) => {
    const config = loadConfig({ NODE_ENV: env, ...(flag === undefined ? {} : { WEBHOOK_ALLOW_PRIVATE: flag }) });
    expect(webhookPrivateTargetsAllowed(config)).toBe(allowed);
  });

  it('refuses anything but a yes or no', () => {
    expect(() => loadConfig({ WEBHOOK_ALLOW_PRIVATE: 'maybe' })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE must be 1\/true or 0\/false/,
    );
  });
});
