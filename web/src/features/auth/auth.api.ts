import type { z } from 'zod';
import type { Locale } from '../../../../core/api/common.schemas.ts';
import type { setupBody } from '../../../../core/api/org.schemas.ts';
import type { invitationInfo } from '../../../../core/api/people.schemas.ts';
import { post } from '../../app/api.ts';

export type SetupInput = z.input<typeof setupBody>;
export type InvitationInfo = z.infer<typeof invitationInfo>;

interface SignInAnswer {
  twoFactorRedirect?: boolean;
}

export const signInWithPassword = (email: string, password: string) =>
  post<SignInAnswer>('/api/auth/sign-in/email', { email, password, rememberMe: true });

export const verifyTotp = (code: string) => post<unknown>('/api/auth/two-factor/verify-totp', { code });
export const verifyBackupCode = (code: string) =>
  post<unknown>('/api/auth/two-factor/verify-backup-code', { code });

export async function signInWithSso() {
  const { url } = await post<{ url: string }>('/api/auth/sign-in/social', {
    provider: 'oidc',
    callbackURL: '/',
    errorCallbackURL: '/sign-in',
  });
  window.location.assign(url);
}

export const requestPasswordReset = (email: string) =>
  post<unknown>('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' });

export const resetPassword = (newPassword: string, token: string) =>
  post<unknown>('/api/auth/reset-password', { newPassword, token });

export type { Locale };
