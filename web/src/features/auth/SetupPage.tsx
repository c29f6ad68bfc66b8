import { Button, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { currentLocale, setLocale } from '../../app/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields.tsx';
import { useSetup } from './onboarding.api.ts';

const fields = ['organisationName', 'firstName', 'lastName', 'email', 'password', 'locale'] as const;

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setup = useSetup();
  const [form, setForm] = useState({
    organisationName: '',
    firstName: '',
    lastName: '',
    email: '',
  });
  // The server words the length rule here (the e2e journey checks its message).
  const newPassword = useNewPassword({ checkLength: false });
  const locale = currentLocale();
  const set = (key: keyof typeof form) => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
  };
  const err = (field: string) => fieldError(setup.error, field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!newPassword.validate()) return;
    setup.mutate(
      { ...form, password: newPassword.password, locale },
      { onSuccess: () => void navigate({ to: '/' }) },
    );
  };

  return (
    <AuthLayout title={t('auth.setup.title')} subtitle={t('auth.setup.intro')} size={560}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={setup.error} fields={fields} />
          <TextInput
            label={t('auth.setup.organisationName')}
            value={form.organisationName}
            onChange={set('organisationName')}
            error={err('organisationName')}
            autoComplete="organization"
            required
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={t('fields.firstName')}
              value={form.firstName}
              onChange={set('firstName')}
              error={err('firstName')}
              autoComplete="given-name"
              required
            />
            <TextInput
              label={t('fields.lastName')}
              value={form.lastName}
              onChange={set('lastName')}
              error={err('lastName')}
              autoComplete="family-name"
              required
            />
          </SimpleGrid>
          <TextInput
            label={t('fields.email')}
            type="email"
            value={form.email}
            onChange={set('email')}
            error={err('email')}
            autoComplete="email"
            required
          />
          <NewPasswordFields state={newPassword} label={t('fields.password')} serverError={err('password')} />
          <NativeSelect
            label={t('fields.locale')}
            value={locale}
            onChange={(e) => void setLocale(e.currentTarget.value === 'en' ? 'en' : 'fr')}
            data={[
              { value: 'fr', label: t('ui.language.fr') },
              { value: 'en', label: t('ui.language.en') },
            ]}
            error={err('locale')}
          />
          <Button type="submit" loading={setup.isPending}>
            {t('auth.setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
