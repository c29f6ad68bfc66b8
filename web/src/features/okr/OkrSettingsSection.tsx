import { Card, Radio, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from '../../app/translator.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useOkrSettings, useUpdateOkrSettings } from './okr.api.ts';

/** Organisation settings: how Cap cuts periods (90 days from a chosen date, or calendar quarters). */
export function OkrSettingsSection() {
  const { t } = useTranslation();
  const settings = useOkrSettings();
  const update = useUpdateOkrSettings();
  if (!settings.data) return null;
  return (
    <Card withBorder component="section" aria-labelledby="okr-settings-title">
      <Title order={2} size="h3" id="okr-settings-title" mb="xs">
        {t('okr.settings.heading')}
      </Title>
      <Stack gap="xs">
        <Radio.Group
          label={t('okr.settings.periodKind')}
          description={t('okr.settings.help')}
          value={settings.data.periodKind}
          onChange={(v) => update.mutate(v === 'quarter' ? 'quarter' : 'days90')}
        >
          <Stack gap={6} mt={6}>
            <Radio
              value="days90"
              label={t('okr.settings.days90')}
              disabled={!settings.data.permissions.update}
            />
            <Radio
              value="quarter"
              label={t('okr.settings.quarter')}
              disabled={!settings.data.permissions.update}
            />
          </Stack>
        </Radio.Group>
        {update.isSuccess && (
          <Text size="sm" c="green.9" role="status">
            {t('okr.settings.saved')}
          </Text>
        )}
        <ErrorAlert error={update.error} />
      </Stack>
    </Card>
  );
}
