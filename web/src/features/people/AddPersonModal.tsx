import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { currentLocale } from '../../app/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { useCreatePerson, type CreatePersonInput } from './people.api.ts';

const fields = ['firstName', 'lastName', 'email', 'jobTitle', 'team', 'managerId', 'isAdmin', 'locale'];

const empty = (): CreatePersonInput => ({
  firstName: '',
  lastName: '',
  email: '',
  jobTitle: '',
  team: '',
  managerId: null,
  isAdmin: false,
  locale: currentLocale(),
  sendInvitation: true,
});

export function AddPersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreatePerson();
  const [form, setForm] = useState<CreatePersonInput>(empty);
  const set = (patch: Partial<CreatePersonInput>) => setForm((f) => ({ ...f, ...patch }));
  const err = (f: string) => fieldError(create.error, f);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(form, {
      onSuccess: (person) => {
        notifications.show({
          closeButtonProps: { 'aria-label': t('ui.close') },
          color: 'teal',
          message: form.sendInvitation
            ? t('people.add.createdInvited', { name: person.name, email: person.email })
            : t('people.add.created', { name: person.name }),
        });
        setForm(empty());
        create.reset();
        onClose();
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('people.add.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('ui.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} fields={fields} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.firstName')}
              value={form.firstName}
              onChange={(e) => set({ firstName: e.currentTarget.value })}
              error={err('firstName')}
              required
              data-autofocus
            />
            <TextInput
              label={t('fields.lastName')}
              value={form.lastName}
              onChange={(e) => set({ lastName: e.currentTarget.value })}
              error={err('lastName')}
              required
            />
          </SimpleGrid>
          <TextInput
            label={t('fields.email')}
            type="email"
            value={form.email}
            onChange={(e) => set({ email: e.currentTarget.value })}
            error={err('email')}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.jobTitle')}
              value={form.jobTitle ?? ''}
              onChange={(e) => set({ jobTitle: e.currentTarget.value })}
              error={err('jobTitle')}
            />
            <TextInput
              label={t('fields.team')}
              value={form.team ?? ''}
              onChange={(e) => set({ team: e.currentTarget.value })}
              error={err('team')}
            />
          </SimpleGrid>
          <PersonPicker
            label={t('fields.managerId')}
            value={form.managerId ?? null}
            onChange={(managerId) => set({ managerId })}
            error={err('managerId')}
          />
          <Select
            label={t('people.add.locale')}
            value={form.locale ?? 'fr'}
            onChange={(v) => set({ locale: v === 'en' ? 'en' : 'fr' })}
            data={[
              { value: 'fr', label: t('ui.language.fr') },
              { value: 'en', label: t('ui.language.en') },
            ]}
            allowDeselect={false}
            error={err('locale')}
          />
          <Checkbox
            label={t('people.form.isAdmin')}
            checked={form.isAdmin ?? false}
            onChange={(e) => set({ isAdmin: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('people.add.sendInvitation')}
            checked={form.sendInvitation ?? true}
            onChange={(e) => set({ sendInvitation: e.currentTarget.checked })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('people.form.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('people.add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
