import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The only reader of process.env: every setting Relais uses, typed and checked once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  oidc: { issuer: string; clientId: string; clientSecret: string } | null;
  secret: string;
  logLevel: string;
  signInLimitPerMinute: number;
  /** Fastify's trustProxy: false, true, or the number of proxies in front of Relais. */
  trustProxy: boolean | number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
  }
}

type Env = Record<string, string | undefined>;

function nonEmpty(env: Env, name: string): string | null {
  const v = env[name];
  return v === undefined || v.trim() === '' ? null : v.trim();
}

function parseUrl(name: string, value: string, protocols: string[]): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `must be a URL (got "${value}")`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(
      name,
      `must start with ${protocols.map((p) => p + '//').join(' or ')} (got "${value}")`,
    );
  }
  return url;
}

function parseInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env, name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(name, `must be a whole number between ${min} and ${max} (got "${raw}")`);
  }
  return n;
}

/** A secret not given is generated once and kept in DATA_DIR, so the first start needs no setup. */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

function parseTrustProxy(raw: string | null): boolean | number {
  if (raw === null || raw === 'false') return false;
  if (raw === 'true') return true;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= 0 && n <= 10) return n;
  throw new ConfigError(
    'TRUST_PROXY',
    `must be true, false or the number of proxies in front of Relais (got "${raw}")`,
  );
}

export function loadConfig(env: Env = process.env): Config {
  const port = parseInteger(env, 'PORT', 3000, 0, 65535);
  const dataDir = path.resolve(nonEmpty(env, 'DATA_DIR') ?? './data');
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new ConfigError('DATA_DIR', `cannot be created (${(e as Error).message})`);
  }
  const databaseUrl = nonEmpty(env, 'DATABASE_URL');
  if (databaseUrl) parseUrl('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']);
  const publicUrlRaw = nonEmpty(env, 'PUBLIC_URL') ?? `http://localhost:${port || 3000}`;
  const publicUrl = parseUrl('PUBLIC_URL', publicUrlRaw, ['http:', 'https:']).origin;
  const smtpUrl = nonEmpty(env, 'SMTP_URL');
  if (smtpUrl) parseUrl('SMTP_URL', smtpUrl, ['smtp:', 'smtps:']);
  const oidcIssuer = nonEmpty(env, 'OIDC_ISSUER');
  const oidcClientId = nonEmpty(env, 'OIDC_CLIENT_ID');
  const oidcClientSecret = nonEmpty(env, 'OIDC_CLIENT_SECRET');
  let oidc: Config['oidc'] = null;
  if (oidcIssuer || oidcClientId || oidcClientSecret) {
    if (!oidcIssuer)
      throw new ConfigError('OIDC_ISSUER', 'is required when OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is set');
    if (!oidcClientId) throw new ConfigError('OIDC_CLIENT_ID', 'is required when OIDC_ISSUER is set');
    if (!oidcClientSecret) throw new ConfigError('OIDC_CLIENT_SECRET', 'is required when OIDC_ISSUER is set');
    parseUrl('OIDC_ISSUER', oidcIssuer, ['http:', 'https:']);
    oidc = { issuer: oidcIssuer.replace(/\/$/, ''), clientId: oidcClientId, clientSecret: oidcClientSecret };
  }
  const givenSecret = nonEmpty(env, 'AUTH_SECRET');
  if (givenSecret && givenSecret.length < 32)
    throw new ConfigError('AUTH_SECRET', 'must be at least 32 characters');
  const logLevel = nonEmpty(env, 'LOG_LEVEL') ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`,
    );
  }
  return {
    port,
    host: nonEmpty(env, 'HOST') ?? '0.0.0.0',
    dataDir,
    databaseUrl,
    publicUrl,
    smtpUrl,
    mailFrom: nonEmpty(env, 'MAIL_FROM') ?? 'Relais <relais@localhost>',
    oidc,
    secret: givenSecret ?? loadOrCreateSecret(dataDir),
    logLevel,
    signInLimitPerMinute: parseInteger(env, 'SIGN_IN_LIMIT_PER_MINUTE', 10, 1, 100000),
    trustProxy: parseTrustProxy(nonEmpty(env, 'TRUST_PROXY')),
  };
}
