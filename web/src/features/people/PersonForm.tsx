import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { SkillsEditor } from './SkillsEditor.tsx';
import { useUpdatePerson, type PersonDetail, type UpdatePersonBody } from './people.api.ts';

interface Draft {
  firstName: string;
  lastName: string;
  jobTitle: string;
  team: string;
  jobDescription: string;
  skills: PersonDetail['skills'];
  managerId: string | null;
  isAdmin: boolean;
}

const fields = [
  'firstName',
  'lastName',
  'jobTitle',
  'team',
  'jobDescription',
  'skills',
  'managerId',
  'isAdmin',
];
const draftKey = (id: string) => `relais.draft.person.${id}`;

function fromPerson(p: PersonDetail): Draft {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    jobTitle: p.jobTitle,
    team: p.team,
    jobDescription: p.jobDescription,
    skills: p.skills,
    managerId: p.managerId,
    isAdmin: p.isAdmin,
  };
}

function readDraft(id: string): Draft | null {
  try {
    const raw = sessionStorage.getItem(draftKey(id));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

interface PersonFormProps {
  person: PersonDetail;
  onDone?: () => void;
  onCancel?: () => void;
}

/** Profile editing; the draft survives a failed save and a reload (sessionStorage) until it is saved. */
export function PersonForm({ person, onDone, onCancel }: PersonFormProps) {
  const { t } = useTranslation();
  const update = useUpdatePerson(person.id);
  const initialDraft = useRef(readDraft(person.id));
  const [form, setForm] = useState<Draft>(initialDraft.current ?? fromPerson(person));
  const [restored, setRestored] = useState(initialDraft.current !== null);
  const [saved, setSaved] = useState(false);
  const dirty = useRef(false);

  useEffect(() => {
    if (!dirty.current) return;
    try {
      sessionStorage.setItem(draftKey(person.id), JSON.stringify(form));
    } catch {
      // Storage full or disabled: the form still works, only the draft is not kept.
    }
  }, [form, person.id]);

  const change = (patch: Partial<Draft>) => {
    dirty.current = true;
    setSaved(false);
    setForm((f) => ({ ...f, ...patch }));
  };
  const text = (key: 'firstName' | 'lastName' | 'jobTitle' | 'team' | 'jobDescription') => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => change({ [key]: e.currentTarget.value }),
    error: fieldError(update.error, key),
  });

  const discardDraft = () => {
    sessionStorage.removeItem(draftKey(person.id));
    dirty.current = false;
    setForm(fromPerson(person));
    setRestored(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: UpdatePersonBody = {
      firstName: form.firstName,
      lastName: form.lastName,
      jobTitle: form.jobTitle,
      team: form.team,
      jobDescription: form.jobDescription,
      skills: form.skills.map((s) => ({ name: s.name.trim(), level: s.level })),
    };
    if (person.permissions.updateManager) body.managerId = form.managerId;
    if (person.permissions.updateRole) body.isAdmin = form.isAdmin;
    update.mutate(body, {
      onSuccess: () => {
        sessionStorage.removeItem(draftKey(person.id));
        dirty.current = false;
        setRestored(false);
        setSaved(true);
        onDone?.();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {restored && (
          <Alert color="blue" title={t('people.form.draftRestored')}>
            <Button variant="subtle" size="compact-sm" onClick={discardDraft}>
              {t('people.form.discardDraft')}
            </Button>
          </Alert>
        )}
        <ErrorAlert
          error={update.error}
          fields={[...fields, ...form.skills.flatMap((_, i) => [`skills.${i}.name`, `skills.${i}.level`])]}
        />
        {saved && (
          <Alert color="green" role="status">
            {t('people.form.saved')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.firstName')}
            autoComplete="given-name"
            required
            {...text('firstName')}
          />
          <TextInput label={t('fields.lastName')} autoComplete="family-name" required {...text('lastName')} />
          <TextInput label={t('fields.jobTitle')} autoComplete="organization-title" {...text('jobTitle')} />
          <TextInput label={t('fields.team')} {...text('team')} />
        </SimpleGrid>
        <Textarea
          label={t('fields.jobDescription')}
          description={t('people.form.jobDescriptionHelp')}
          autosize
          minRows={3}
          maxRows={12}
          {...text('jobDescription')}
        />
        {person.permissions.updateManager && (
          <PersonPicker
            label={t('fields.managerId')}
            value={form.managerId}
            initialName={person.manager?.name ?? null}
            onChange={(managerId) => change({ managerId })}
            error={fieldError(update.error, 'managerId')}
            excludeId={person.id}
          />
        )}
        {person.permissions.updateRole && (
          <Checkbox
            label={t('people.form.isAdmin')}
            description={t('people.form.isAdminHelp')}
            checked={form.isAdmin}
            onChange={(e) => change({ isAdmin: e.currentTarget.checked })}
            error={fieldError(update.error, 'isAdmin')}
          />
        )}
        <SkillsEditor
          value={form.skills}
          onChange={(skills) => change({ skills })}
          errorFor={(f) => fieldError(update.error, f)}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('people.form.save')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('people.form.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
