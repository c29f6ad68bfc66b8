import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields.tsx';
import { resetPassword } from './auth.api.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token, error: linkError } = useSearch({ from: '/reset-password' });
  const newPassword = useNewPassword();
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
    if (newPassword.validate()) reset.mutate(newPassword.password);
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
            <NewPasswordFields state={newPassword} label={t('auth.reset.newPassword')} />
            <Button type="submit" loading={reset.isPending}>
              {t('auth.reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
