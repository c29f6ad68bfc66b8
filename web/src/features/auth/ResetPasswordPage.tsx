import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { resetPassword } from './auth.api.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token, error: linkError } = useSearch({ from: '/reset-password' });
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const reset = useMutation({ mutationFn: (p: string) => resetPassword(p, token ?? '') });

  if (!token || linkError) {
    return (
      <AuthLayout title={t('auth.reset.title')}>
        <Stack>
          <Alert color="red" role="alert" title={t('auth.reset.invalidTitle')}>
            {t('auth.reset.invalid')}
          </Alert>
          <Anchor component={Link} to="/forgot-password">
            {t('auth.reset.askAgain')}
          </Anchor>
        </Stack>
      </AuthLayout>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (password.length < 10) next.password = t('auth.password.tooShort');
    else if (password !== confirm) next.confirm = t('auth.password.mismatch');
    setErrors(next);
    if (next.password || next.confirm) return;
    reset.mutate(password);
  };

  return (
    <AuthLayout title={t('auth.reset.title')}>
      {reset.isSuccess ? (
        <Stack>
          <Alert color="green" role="status" title={t('auth.reset.doneTitle')}>
            {t('auth.reset.done')}
          </Alert>
          <Button component={Link} to="/sign-in">
            {t('auth.signIn.submit')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={reset.error} />
            <PasswordField
              label={t('auth.reset.newPassword')}
              description={t('auth.password.rule')}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              required
            />
            <PasswordField
              label={t('auth.password.confirm')}
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={errors.confirm}
              required
            />
            <Button type="submit" loading={reset.isPending}>
              {t('auth.reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
