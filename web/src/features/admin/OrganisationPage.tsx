import {
  Alert,
  Anchor,
  Button,
  Card,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useOrganisation, useUpdateOrganisation, type Organisation } from './admin.api.ts';
import { OkrSettingsSection } from '../okr/OkrSettingsSection.tsx';
import { JargonSection } from '../clarity/JargonSection.tsx';

export function OrganisationPage() {
  const { t } = useTranslation();
  const org = useOrganisation();
  return (
    <Stack>
      <PageTitle>{t('admin.organisation.title')}</PageTitle>
      {org.isPending && <PageLoader />}
      {org.isError && <ErrorAlert error={org.error} />}
      {org.data && <OrganisationForm org={org.data} />}
      <OkrSettingsSection />
      <JargonSection />
      <Card withBorder component="section" aria-labelledby="api-docs">
        <Title order={2} size="h4" id="api-docs" mb="xs">
          {t('admin.organisation.apiTitle')}
        </Title>
        <Text size="sm" mb="xs">
          {t('admin.organisation.apiIntro')}
        </Text>
        <Anchor href="/api/docs" target="_blank" rel="noopener">
          {t('nav.admin.apiDocs')}
        </Anchor>
      </Card>
    </Stack>
  );
}

function OrganisationForm({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const update = useUpdateOrganisation();
  const [name, setName] = useState(org.name);
  const [defaultLocale, setDefaultLocale] = useState(org.defaultLocale);
  const [kThreshold, setKThreshold] = useState<number | string>(org.kThreshold);
  const err = (f: string) => fieldError(update.error, f);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      name,
      defaultLocale,
      kThreshold: typeof kThreshold === 'number' ? kThreshold : Number(kThreshold),
    });
  };

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate>
        <Stack maw={520}>
          <ErrorAlert error={update.error} fields={['name', 'defaultLocale', 'kThreshold']} />
          {update.isSuccess && (
            <Alert color="green" role="status">
              {t('admin.organisation.saved')}
            </Alert>
          )}
          <TextInput
            label={t('fields.organisationName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={err('name')}
            readOnly={!org.permissions.update}
            required
          />
          <Select
            label={t('fields.defaultLocale')}
            description={t('admin.organisation.defaultLocaleHelp')}
            value={defaultLocale}
            onChange={(v) => setDefaultLocale(v === 'en' ? 'en' : 'fr')}
            data={[
              { value: 'fr', label: t('ui.language.fr') },
              { value: 'en', label: t('ui.language.en') },
            ]}
            allowDeselect={false}
            error={err('defaultLocale')}
            readOnly={!org.permissions.update}
          />
          <NumberInput
            label={t('fields.kThreshold')}
            description={t('admin.organisation.kThresholdHelp')}
            value={kThreshold}
            onChange={setKThreshold}
            min={3}
            max={50}
            allowDecimal={false}
            error={err('kThreshold')}
            readOnly={!org.permissions.update}
          />
          {org.permissions.update && (
            <Button type="submit" loading={update.isPending} w="fit-content">
              {t('admin.organisation.save')}
            </Button>
          )}
        </Stack>
      </form>
    </Card>
  );
}
