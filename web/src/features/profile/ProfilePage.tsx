import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from '../../app/translator.ts';
import type { Locale } from '../../../../core/api/common.schemas.ts';
import { setLocale } from '../../app/i18n.ts';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PersonForm } from '../people/PersonForm.tsx';
import { exportUrl, useUpdatePerson } from '../people/people.api.ts';
import { CalendarFeedSection } from '../one-on-ones/CalendarFeedSection.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';
import { revokeSessions } from './profile.api.ts';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const update = useUpdatePerson(me.person.id);
  const revoke = useMutation({
    mutationFn: revokeSessions,
    onSuccess: () => window.location.assign('/sign-in'),
  });

  const changeLocale = async (locale: Locale) => {
    const previous = me.person.locale;
    // Applied at once; saved to the profile so every device and every e-mail follows.
    await setLocale(locale);
    update.mutate({ locale }, { onError: () => void setLocale(previous) });
  };

  return (
    <Stack>
      <PageTitle>{t('profile.title')}</PageTitle>

      <Card withBorder component="section" aria-labelledby="profile-info">
        <Title order={2} size="h3" id="profile-info" mb="xs">
          {t('profile.info.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('profile.info.intro', { email: me.person.email })}
        </Text>
        <PersonForm person={me.person} />
      </Card>

      <Card withBorder component="section" aria-labelledby="profile-language">
        <Title order={2} size="h3" id="profile-language" mb="xs">
          {t('profile.language.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('profile.language.intro')}
        </Text>
        <LanguageSwitch
          value={me.person.locale}
          onChange={(l) => void changeLocale(l)}
          disabled={update.isPending}
        />
        {update.isError && (
          <Stack mt="sm">
            <ErrorAlert error={update.error} />
          </Stack>
        )}
      </Card>

      <Card withBorder component="section" aria-labelledby="profile-security">
        <Title order={2} size="h3" id="profile-security" mb="md">
          {t('profile.security.title')}
        </Title>
        <Stack gap="xl">
          <ChangePasswordForm />
          <TwoFactorSection enabled={me.twoFactorEnabled} />
          <section aria-labelledby="profile-sessions">
            <Title order={3} size="h4" id="profile-sessions" mb="xs">
              {t('profile.sessions.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('profile.sessions.intro')}
            </Text>
            {revoke.isError && <ErrorAlert error={revoke.error} />}
            <Button variant="outline" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
              {t('profile.sessions.revokeAll')}
            </Button>
          </section>
        </Stack>
      </Card>

      <Card withBorder>
        <CalendarFeedSection />
      </Card>

      <Card withBorder component="section" aria-labelledby="profile-data">
        <Title order={2} size="h3" id="profile-data" mb="xs">
          {t('profile.data.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('profile.data.intro')}
        </Text>
        <Button component="a" href={exportUrl(me.person.id)} download variant="outline" w="fit-content">
          {t('profile.data.export')}
        </Button>
        <Alert color="gray" mt="md" variant="light">
          {t('profile.data.erasure')}
        </Alert>
      </Card>
    </Stack>
  );
}
