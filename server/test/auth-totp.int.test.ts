import { createHmac } from 'node:crypto';
import type { Response as InjectResponse } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { PASSWORD, makeOrg, makePerson, type TestPerson } from './factories.ts';

/** RFC 4648 base32 without padding, as in otpauth:// URIs. */
function base32Decode(input: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of input.replace(/=+$/, '').toUpperCase()) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 TOTP: HMAC-SHA1, 30 s steps, 6 digits. */
function totp(secret: Buffer, at = Date.now(), step = 30, digits = 6): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / step)));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return code.toString().padStart(digits, '0');
}

/** A code that is valid in no step the server accepts (it allows ±1 step). */
function wrongCode(secret: Buffer): string {
  const valid = new Set([-1, 0, 1].map((i) => totp(secret, Date.now() + i * 30_000)));
  for (let n = 0; ; n++) {
    const candidate = n.toString().padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

/** A browser's cookie jar: later responses replace or expire earlier cookies. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: InjectResponse): this {
    for (const c of res.cookies) {
      if (c.value === '' || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return this;
  }
  has(name: string): boolean {
    return this.cookies.has(name);
  }
  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

describe.each(DIALECTS)('two-factor sign-in (TOTP) on %s', (dialect) => {
  let ctx: TestContext;
  let person: TestPerson;
  let secret: Buffer;
  let backupCodes: string[];

  const post = (url: string, payload: object, jar?: Jar) =>
    ctx.app.inject({
      method: 'POST',
      url,
      headers: { origin: ORIGIN, 'content-type': 'application/json', ...(jar ? { cookie: jar.header } : {}) },
      payload,
    });
  const me = (jar: Jar) => ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: jar.header } });
  const passwordStep = async () => {
    const jar = new Jar();
    const res = await post('/api/auth/sign-in/email', { email: person.email, password: PASSWORD });
    jar.take(res);
    return { res, jar };
  };

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    const { orgId } = await makeOrg(ctx);
    person = await makePerson(ctx, orgId);
  });
  afterAll(() => ctx?.close());

  it('enabling needs the password, then a code from the authenticator app turns it on', async () => {
    const jar = new Jar().take(
      await post('/api/auth/sign-in/email', { email: person.email, password: PASSWORD }),
    );
    expect((await me(jar)).json()).toMatchObject({ twoFactorEnabled: false });

    const noPassword = await post('/api/auth/two-factor/enable', {}, jar);
    expect(noPassword.statusCode).toBe(400);
    const badPassword = await post(
      '/api/auth/two-factor/enable',
      { password: 'not-my-password-at-all' },
      jar,
    );
    expect(badPassword.statusCode).toBe(400);
    expect(badPassword.json()).toMatchObject({ code: 'INVALID_PASSWORD' });

    const enable = await post('/api/auth/two-factor/enable', { password: PASSWORD }, jar);
    expect(enable.statusCode, enable.body).toBe(200);
    const body = enable.json() as { totpURI: string; backupCodes: string[] };
    const uri = new URL(body.totpURI);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('issuer')).toBe('Relais');
    expect(decodeURIComponent(uri.pathname)).toBe(`/Relais:${person.email}`);
    secret = base32Decode(uri.searchParams.get('secret')!);
    expect(secret.length).toBeGreaterThanOrEqual(20);
    backupCodes = body.backupCodes;
    expect(backupCodes.length).toBeGreaterThanOrEqual(5);
    jar.take(enable);

    // Not on until a code proves the app was set up.
    expect((await me(jar)).json()).toMatchObject({ twoFactorEnabled: false });
    const wrong = await post('/api/auth/two-factor/verify-totp', { code: wrongCode(secret) }, jar);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'INVALID_CODE' });
    expect((await me(jar)).json()).toMatchObject({ twoFactorEnabled: false });

    const verify = await post('/api/auth/two-factor/verify-totp', { code: totp(secret) }, jar);
    expect(verify.statusCode, verify.body).toBe(200);
    jar.take(verify);
    const after = await me(jar);
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ person: { id: person.id }, twoFactorEnabled: true });

    const out = await post('/api/auth/sign-out', {}, jar);
    expect(out.statusCode).toBe(200);
    jar.take(out);
    expect((await me(jar)).statusCode).toBe(401);
  });

  it('the password alone no longer opens a session', async () => {
    const { res, jar } = await passwordStep();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ twoFactorRedirect: true, twoFactorMethods: ['totp'] });
    expect(jar.has('relais.session_token')).toBe(false);
    expect(jar.has('relais.two_factor')).toBe(true);
    expect((await me(jar)).statusCode).toBe(401);
  });

  it('a wrong code is refused and still opens no session; the right code does', async () => {
    const { jar } = await passwordStep();
    const wrong = await post('/api/auth/two-factor/verify-totp', { code: wrongCode(secret) }, jar);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ code: 'INVALID_CODE', message: 'Invalid code' });
    jar.take(wrong);
    expect(jar.has('relais.session_token')).toBe(false);
    expect((await me(jar)).statusCode).toBe(401);

    const right = await post('/api/auth/two-factor/verify-totp', { code: totp(secret) }, jar);
    expect(right.statusCode, right.body).toBe(200);
    jar.take(right);
    expect(jar.has('relais.session_token')).toBe(true);
    expect(jar.has('relais.two_factor')).toBe(false);
    const res = await me(jar);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ person: { id: person.id }, twoFactorEnabled: true });
  });

  it('a code without the password step opens nothing', async () => {
    const res = await post('/api/auth/two-factor/verify-totp', { code: totp(secret) });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'INVALID_TWO_FACTOR_COOKIE' });
    expect(res.cookies.filter((c) => c.name === 'relais.session_token' && c.value !== '')).toEqual([]);
  });

  it('a backup code works once', async () => {
    const code = backupCodes[0]!;
    const first = await passwordStep();
    const ok = await post('/api/auth/two-factor/verify-backup-code', { code }, first.jar);
    expect(ok.statusCode, ok.body).toBe(200);
    first.jar.take(ok);
    expect((await me(first.jar)).statusCode).toBe(200);

    const second = await passwordStep();
    const reused = await post('/api/auth/two-factor/verify-backup-code', { code }, second.jar);
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ code: 'INVALID_BACKUP_CODE' });
    second.jar.take(reused);
    expect((await me(second.jar)).statusCode).toBe(401);

    // Another unused backup code still works.
    const other = await post(
      '/api/auth/two-factor/verify-backup-code',
      { code: backupCodes[1]! },
      second.jar,
    );
    expect(other.statusCode, other.body).toBe(200);
    second.jar.take(other);
    expect((await me(second.jar)).statusCode).toBe(200);
  });

  it('disabling needs the password; afterwards the password alone signs in again', async () => {
    const { jar } = await passwordStep();
    jar.take(await post('/api/auth/two-factor/verify-totp', { code: totp(secret) }, jar));
    const bad = await post('/api/auth/two-factor/disable', { password: 'not-my-password-at-all' }, jar);
    expect(bad.statusCode).toBe(400);
    const disable = await post('/api/auth/two-factor/disable', { password: PASSWORD }, jar);
    expect(disable.statusCode, disable.body).toBe(200);
    jar.take(disable);
    expect((await me(jar)).json()).toMatchObject({ twoFactorEnabled: false });

    const again = await passwordStep();
    expect(again.res.json()).toMatchObject({ redirect: false, user: { email: person.email } });
    expect((await me(again.jar)).statusCode).toBe(200);
  });
});
