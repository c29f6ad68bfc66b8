import { Alert, Anchor, Button, Center, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../app/api.ts';
import { setLocale } from '../../app/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { acceptInvitation, useInvitation } from './onboarding.api.ts';

export function InvitationPage() {
  const { t } = useTranslation();
  const { token } = useParams({ from: '/invitation/$token' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const info = useInvitation(token);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const accept = useMutation({
    mutationFn: (p: string) => acceptInvitation(token, p),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ['me'] });
      void navigate({ to: '/' });
    },
  });

  const invitedLocale = info.data?.locale;
  useEffect(() => {
    // The invitation is written in the invited person's language: show the page in it too.
    if (invitedLocale) void setLocale(invitedLocale);
  }, [invitedLocale]);

  if (info.isPending) {
    return (
      <AuthLayout title={t('auth.invitation.loadingTitle')}>
        <Center role="status">
          <Loader aria-label={t('app.loading')} />
        </Center>
      </AuthLayout>
    );
  }

  if (info.isError) {
    return (
      <AuthLayout title={t('auth.invitation.invalidTitle')}>
        <Stack>
          <ErrorAlert error={info.error} />
          <Anchor component={Link} to="/sign-in">
            {t('auth.backToSignIn')}
          </Anchor>
        </Stack>
      </AuthLayout>
    );
  }

  const invite = info.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (password.length < 10) next.password = t('auth.password.tooShort');
    else if (password !== confirm) next.confirm = t('auth.password.mismatch');
    setErrors(next);
    if (next.password || next.confirm) return;
    accept.mutate(password);
  };

  return (
    <AuthLayout
      title={t('auth.invitation.title', { organisation: invite.organisation })}
      subtitle={t('auth.invitation.intro', { firstName: invite.firstName })}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Alert color="blue" variant="light">
            <Text size="sm">
              {t('auth.invitation.who', {
                name: `${invite.firstName} ${invite.lastName}`,
                organisation: invite.organisation,
              })}
            </Text>
          </Alert>
          <ErrorAlert error={accept.error} fields={['password']} />
          <TextInput label={t('fields.email')} value={invite.email} readOnly autoComplete="username" />
          <PasswordField
            label={t('fields.password')}
            description={t('auth.password.rule')}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password ?? fieldError(accept.error, 'password')}
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
          <Button type="submit" loading={accept.isPending}>
            {t('auth.invitation.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
