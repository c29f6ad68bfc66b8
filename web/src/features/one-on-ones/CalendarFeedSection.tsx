import { Alert, Button, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from '../../app/translator.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useCalendarFeed } from './one-on-ones.api.ts';

/** The secret iCalendar address: shown once after creation, revocable at any time. */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const { create, revoke } = useCalendarFeed();
  const url = create.data?.url;
  return (
    <section aria-labelledby="profile-calendar">
      <Title order={2} size="h3" id="profile-calendar" mb="xs">
        {t('oneOnOnes.calendarFeed.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('oneOnOnes.calendarFeed.intro')}
        </Text>
        {create.isError && <ErrorAlert error={create.error} />}
        {revoke.isError && <ErrorAlert error={revoke.error} />}
        {url && !revoke.isSuccess && (
          <Alert color="blue" variant="light">
            <Stack gap="xs">
              <Text size="sm">{t('oneOnOnes.calendarFeed.shownOnce')}</Text>
              <TextInput
                label={t('oneOnOnes.calendarFeed.urlLabel')}
                value={url}
                readOnly
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button variant="outline" onClick={copy} w="fit-content" aria-live="polite">
                    {copied ? t('oneOnOnes.calendarFeed.copied') : t('oneOnOnes.calendarFeed.copy')}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          </Alert>
        )}
        {revoke.isSuccess && !create.isPending && (
          <Alert color="gray" role="status">
            {t('oneOnOnes.calendarFeed.revoked')}
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          {t('oneOnOnes.calendarFeed.createHelp')}
        </Text>
        <Group gap="sm">
          <Button
            variant="outline"
            loading={create.isPending}
            onClick={() => {
              revoke.reset();
              create.mutate();
            }}
          >
            {t('oneOnOnes.calendarFeed.create')}
          </Button>
          <Button
            variant="outline"
            color="red"
            loading={revoke.isPending}
            onClick={() => {
              create.reset();
              revoke.mutate();
            }}
          >
            {t('oneOnOnes.calendarFeed.revoke')}
          </Button>
        </Group>
      </Stack>
    </section>
  );
}
