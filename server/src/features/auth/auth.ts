import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { genericOAuth, twoFactor } from 'better-auth/plugins';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/connection.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { findPersonByEmailAnyOrg } from '../people/person.repository.ts';
import { mailTexts } from '../mail/mail.texts.ts';
import { authCall } from './auth-calls.ts';

export const OIDC_PROVIDER_ID = 'oidc';
/** Sessions last two weeks and slide forward once a day (read by the session fast path too). */
export const SESSION_EXPIRES_IN_S = 60 * 60 * 24 * 14;
export const SESSION_UPDATE_AGE_S = 60 * 60 * 24;

export interface AuthDeps {
  config: Config;
  database: Database;
  mailer: Mailer;
}

/** better-auth does accounts, sessions, 2FA and SSO; Relais keeps people and organisations in its own tables. */
export function createAuth({ config, database, mailer }: AuthDeps) {
  const plugins = [twoFactor({ issuer: 'Relais' })];
  const oidcPlugins = config.oidc
    ? [
        genericOAuth({
          config: [
            {
              providerId: OIDC_PROVIDER_ID,
              discoveryUrl: `${config.oidc.issuer}/.well-known/openid-configuration`,
              clientId: config.oidc.clientId,
              clientSecret: config.oidc.clientSecret,
              scopes: ['openid', 'email', 'profile'],
              pkce: true,
            },
          ],
        }),
      ]
    : [];
  return betterAuth({
    appName: 'Relais',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.secret,
    database: { db: database.authDb, type: database.dialect },
    telemetry: { enabled: false },
    // Errors during SSO land on the sign-in page, which explains them.
    onAPIError: { errorURL: `${config.publicUrl}/sign-in` },
    trustedOrigins: [config.publicUrl],
    user: { modelName: 'auth_user' },
    session: {
      modelName: 'auth_session',
      expiresIn: SESSION_EXPIRES_IN_S,
      updateAge: SESSION_UPDATE_AGE_S,
      // No cookie cache: it would keep a signed-out or revoked session usable until the cached cookie expires.
      cookieCache: { enabled: false },
    },
    account: {
      modelName: 'auth_account',
      accountLinking: { enabled: true, trustedProviders: [OIDC_PROVIDER_ID] },
    },
    verification: { modelName: 'auth_verification' },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 200,
      revokeSessionsOnPasswordReset: true,
      password: {
        hash: (password) => argonHash(password),
        verify: ({ hash, password }) => argonVerify(hash, password),
      },
      sendResetPassword: async ({ user, url }) => {
        const person = await findPersonByEmailAnyOrg(database.db, user.email);
        const texts = mailTexts(person?.locale ?? 'fr');
        await mailer.send({
          orgId: person?.org_id ?? null,
          to: user.email,
          subject: texts.resetSubject,
          text: texts.resetBody(url),
        });
      },
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 300,
      storage: 'database',
      modelName: 'auth_rate_limit',
      customRules: {
        '/sign-in/email': { window: 60, max: config.signInLimitPerMinute },
        '/two-factor/verify-totp': { window: 60, max: config.signInLimitPerMinute },
        '/request-password-reset': { window: 60, max: 5 },
        '/sign-in/social': { window: 60, max: 60 },
      },
    },
    advanced: {
      cookiePrefix: 'relais',
      useSecureCookies: config.publicUrl.startsWith('https:'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    databaseHooks: {
      user: {
        create: {
          // Single sign-on may only open an account for someone already in the directory.
          before: async (user) => {
            const person = await findPersonByEmailAnyOrg(database.db, user.email);
            return person ? { data: user } : false;
          },
        },
      },
    },
    plugins: [...plugins, ...oidcPlugins],
  });
}

export type Auth = ReturnType<typeof createAuth>;

export function migrateAuth(auth: Auth): Promise<void> {
  return authCall(async () => {
    const { runMigrations } = await getMigrations(auth.options);
    await runMigrations();
  });
}

/** Creates a password account for a person (onboarding, invitation, CLI): public sign-up stays closed. */
export function createPasswordUser(
  auth: Auth,
  input: { email: string; name: string; password: string },
): Promise<{ id: string }> {
  return authCall(() => createPasswordUserNow(auth, input));
}

async function createPasswordUserNow(
  auth: Auth,
  input: { email: string; name: string; password: string },
): Promise<{ id: string }> {
  const ctx = await auth.$context;
  const email = input.email.toLowerCase();
  const existing = await ctx.internalAdapter.findUserByEmail(email, { includeAccounts: true });
  const passwordHash = await ctx.password.hash(input.password);
  if (existing) {
    await ctx.internalAdapter.updatePassword(existing.user.id, passwordHash);
    const hasCredential = existing.accounts.some((a) => a.providerId === 'credential');
    if (!hasCredential) {
      await ctx.internalAdapter.linkAccount({
        providerId: 'credential',
        accountId: existing.user.id,
        userId: existing.user.id,
        password: passwordHash,
      });
    }
    return { id: existing.user.id };
  }
  const user = await ctx.internalAdapter.createUser(
    { email, name: input.name, emailVerified: true },
    { method: 'admin' },
  );
  await ctx.internalAdapter.linkAccount({
    providerId: 'credential',
    accountId: user.id,
    userId: user.id,
    password: passwordHash,
  });
  return { id: user.id };
}
