import { demoEnabled, demoWarning, loadConfig } from './app-config';

const EXTERNAL = 'postgres://owner:secret@db.example.nl:5432/wmo';

describe('demo data (organisations and logins with the published password)', () => {
  it('is seeded on the embedded database in development and test', () => {
    expect(demoEnabled(loadConfig({}))).toBe(true);
    expect(demoEnabled(loadConfig({ NODE_ENV: 'test' }))).toBe(true);
    expect(demoWarning(loadConfig({}))).toBeNull();
  });

  it('is not seeded in production, also on the embedded database, unless DEMO=1', () => {
    expect(demoEnabled(loadConfig({ NODE_ENV: 'production' }))).toBe(false);
    expect(demoWarning(loadConfig({ NODE_ENV: 'production' }))).toBeNull();
    expect(demoEnabled(loadConfig({ NODE_ENV: 'production', DATABASE_URL: EXTERNAL }))).toBe(false);
  });

  it('is seeded in production with an explicit DEMO=1, and then warned about', () => {
    const config = loadConfig({ NODE_ENV: 'production', DEMO: '1' });
    expect(demoEnabled(config)).toBe(true);
    expect(demoWarning(config)).toContain('DEMO=1 in production');
  });

  it('is never seeded on DATABASE_URL without DEMO=1, and never with DEMO=0', () => {
    expect(demoEnabled(loadConfig({ DATABASE_URL: EXTERNAL }))).toBe(false);
    expect(demoEnabled(loadConfig({ DATABASE_URL: EXTERNAL, DEMO: '1' }))).toBe(true);
    expect(demoEnabled(loadConfig({ DEMO: '0' }))).toBe(false);
  });
});
