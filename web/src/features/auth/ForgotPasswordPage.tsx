import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { requestPasswordReset } from './auth.api.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string>();
  const request = useMutation({ mutationFn: requestPasswordReset });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) {
      setEmailError(t('errors.required', { field: t('fields.email') }));
      return;
    }
    setEmailError(undefined);
    request.mutate(email.trim());
  };

  return (
    <AuthLayout title={t('auth.forgot.title')} subtitle={t('auth.forgot.intro')}>
      {request.isSuccess ? (
        <Stack>
          <Alert color="green" role="status" title={t('auth.forgot.sentTitle')}>
            {t('auth.forgot.sent', { email: email.trim() })}
          </Alert>
          <Anchor component={Link} to="/sign-in">
            {t('auth.backToSignIn')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={request.error} />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={emailError}
              required
            />
            <Button type="submit" loading={request.isPending}>
              {t('auth.forgot.submit')}
            </Button>
            <Anchor component={Link} to="/sign-in" size="sm">
              {t('auth.backToSignIn')}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
