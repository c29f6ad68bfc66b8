import { Alert, Anchor, Button, Center, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { setLocale } from '../../app/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields.tsx';
import { acceptInvitation, useInvitation } from './onboarding.api.ts';

export function InvitationPage() {
  const { t } = useTranslation();
  const { token } = useParams({ from: '/invitation/$token' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const info = useInvitation(token);
  const newPassword = useNewPassword();
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
    if (newPassword.validate()) accept.mutate(newPassword.password);
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
          <NewPasswordFields
            state={newPassword}
            label={t('fields.password')}
            serverError={fieldError(accept.error, 'password')}
          />
          <Button type="submit" loading={accept.isPending}>
            {t('auth.invitation.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
