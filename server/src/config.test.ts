import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'relais-config-'));

describe('configuration from the environment', () => {
  it('needs nothing: defaults, and a secret generated once and kept in DATA_DIR', () => {
    const d = dir();
    const c = loadConfig({ DATA_DIR: d });
    expect(c).toMatchObject({
      port: 3000,
      publicUrl: 'http://localhost:3000',
      databaseUrl: null,
      smtpUrl: null,
      oidc: null,
      dataDir: d,
    });
    expect(c.secret).toBe(readFileSync(path.join(d, 'secret.key'), 'utf8').trim());
    expect(loadConfig({ DATA_DIR: d }).secret).toBe(c.secret);
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be a whole number between 0 and 65535 (got "abc")'],
    [
      { DATABASE_URL: 'mysql://x' },
      'Invalid configuration: DATABASE_URL must start with postgres:// or postgresql:// (got "mysql://x")',
    ],
    [{ PUBLIC_URL: 'localhost' }, 'Invalid configuration: PUBLIC_URL must be a URL (got "localhost")'],
    [
      { SMTP_URL: 'http://mail' },
      'Invalid configuration: SMTP_URL must start with smtp:// or smtps:// (got "http://mail")',
    ],
    [
      { OIDC_CLIENT_ID: 'relais' },
      'Invalid configuration: OIDC_ISSUER is required when OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is set',
    ],
    [
      { OIDC_ISSUER: 'https://id.example.com', OIDC_CLIENT_ID: 'relais' },
      'Invalid configuration: OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set',
    ],
    [{ AUTH_SECRET: 'short' }, 'Invalid configuration: AUTH_SECRET must be at least 32 characters'],
    [
      { TRUST_PROXY: 'yes' },
      'Invalid configuration: TRUST_PROXY must be true, false or the number of proxies in front of Relais (got "yes")',
    ],
  ])('a wrong value stops the start and names the variable: %o', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dir(), ...env })).toThrow(message);
  });

  it('reads every documented variable', () => {
    const c = loadConfig({
      DATA_DIR: dir(),
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/relais',
      PUBLIC_URL: 'https://relais.example.com/',
      SMTP_URL: 'smtp://mail:25',
      OIDC_ISSUER: 'https://id.example.com/',
      OIDC_CLIENT_ID: 'relais',
      OIDC_CLIENT_SECRET: 's3cret',
    });
    expect(c).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u:p@db:5432/relais',
      publicUrl: 'https://relais.example.com',
      smtpUrl: 'smtp://mail:25',
      oidc: { issuer: 'https://id.example.com', clientId: 'relais', clientSecret: 's3cret' },
    });
  });
});
