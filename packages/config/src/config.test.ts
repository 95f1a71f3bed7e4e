import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies the contract defaults', () => {
    const config = loadConfig({});
    expect(config.store).toBe(`sqlite:${resolve('./data/events.db')}`);
    expect(config.natsServers).toEqual(['nats://127.0.0.1:4222']);
    expect(config.httpPort).toBe(8080);
    expect(config.dataDir).toBe(resolve('./data'));
  });

  it('puts the default store inside a custom data directory', () => {
    expect(loadConfig({ CASETRAIL_DATA_DIR: '/tmp/ct' }).store).toBe('sqlite:/tmp/ct/events.db');
  });

  it('splits comma-separated NATS servers', () => {
    const config = loadConfig({ NATS_URL: 'nats://a:4222, nats://b:4222' });
    expect(config.natsServers).toEqual(['nats://a:4222', 'nats://b:4222']);
  });

  it('accepts port 0 and every store scheme of the contract', () => {
    expect(loadConfig({ CASETRAIL_HTTP_PORT: '0' }).httpPort).toBe(0);
    for (const store of [
      'sqlite:x.db',
      'kurrentdb://h:2113',
      'esdb://h:2113?tls=false',
      'postgres://h/db',
    ]) {
      expect(loadConfig({ CASETRAIL_STORE: store }).store).toBe(store);
    }
  });

  it('names every bad variable and what is wrong', () => {
    try {
      loadConfig({
        CASETRAIL_HTTP_PORT: 'eighty',
        CASETRAIL_STORE: 'mysql://x',
        NATS_URL: 'http://x',
      });
      expect.fail('loadConfig accepted bad values');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/CASETRAIL_HTTP_PORT: must be a number/);
      expect(problems).toMatch(/CASETRAIL_STORE: must be sqlite:PATH/);
      expect(problems).toMatch(/NATS_URL/);
    }
  });

  it('refuses a port out of range and a short secret without echoing the secret', () => {
    expect(() => loadConfig({ CASETRAIL_HTTP_PORT: '70000' })).toThrow(/CASETRAIL_HTTP_PORT/);
    try {
      loadConfig({ CASETRAIL_JWT_SECRET: 'hunter2' });
      expect.fail('short secret accepted');
    } catch (error) {
      expect((error as Error).message).toMatch(/CASETRAIL_JWT_SECRET: must be at least 32/);
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('refuses both a secret and a JWKS URL', () => {
    expect(() =>
      loadConfig({ CASETRAIL_JWT_SECRET: 'x'.repeat(32), CASETRAIL_JWKS_URL: 'https://idp/jwks' }),
    ).toThrow(/set one of them/);
  });
});
