import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../core/api/org.schemas.ts';
import { post } from '../../app/api.ts';

export interface TotpSetup {
  totpURI: string;
  backupCodes: string[];
}

export const changePassword = (body: {
  currentPassword: string;
  newPassword: string;
  revokeOtherSessions: boolean;
}) => post<unknown>('/api/auth/change-password', body);

export const revokeSessions = () => post<unknown>('/api/auth/revoke-sessions', {});

export const enableTotp = (password: string) => post<TotpSetup>('/api/auth/two-factor/enable', { password });

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => post<unknown>('/api/auth/two-factor/verify-totp', { code }),
    onSuccess: () =>
      queryClient.setQueryData<Me | null>(['me'], (me) => me && { ...me, twoFactorEnabled: true }),
  });
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => post<unknown>('/api/auth/two-factor/disable', { password }),
    onSuccess: () =>
      queryClient.setQueryData<Me | null>(['me'], (me) => me && { ...me, twoFactorEnabled: false }),
  });
}

/** The secret is the `secret` parameter of the otpauth URI, shown for manual entry. */
export function totpSecret(uri: string): string {
  try {
    return new URL(uri).searchParams.get('secret') ?? '';
  } catch {
    return '';
  }
}
