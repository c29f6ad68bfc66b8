import {
  ActionIcon,
  Alert,
  Box,
  Anchor,
  Button,
  Grid,
  Group,
  Input,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { ApiError } from '../../app/api.ts';
import { useMe } from '../../app/session.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PersonPicker } from '../people/PersonPicker.tsx';
import { AlertSection, FormErrors, FrameSection, WhatSection, WhoSection } from './CardFormFields.tsx';
import { cardPath, useCreateCard, type CreateCardBody } from './delegation.api.ts';
import { useDraft } from './draft.ts';
import classes from './delegation.module.css';
import { cardFields, cardFieldsBody, validateCardFields, type CardFieldsDraft } from './form.ts';
import { todayIso } from './parts.tsx';
import { Suggestions } from './Suggestions.tsx';

const fields = [...cardFields, 'assigneeId', 'checkpoints'] as const;
type Field = (typeof fields)[number];

interface Draft extends CardFieldsDraft {
  assigneeId: string | null;
  assigneeName: string | null;
  checkpoints: string[];
}

/** A date `days` after `from` (both `YYYY-MM-DD`). */
function addDays(from: string, days: number): string {
  const [y, m, d] = from.split('-').map(Number);
  const date = new Date(y!, m! - 1, d! + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function NewCardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateCard();
  const draft = useDraft<Draft>(`relais.delegation.draft.${me.person.id}`, () => ({
    outcome: '',
    assigneeId: null,
    assigneeName: null,
    dueOn: '',
    domainId: '',
    level: null,
    risks: '',
    support: '',
    successIndicators: '',
    resultFormat: '',
    checkpoints: [],
    alertCondition: '',
    useMetric: false,
    alertMetric: '',
    alertDirection: 'above',
    alertLimit: '',
    alertNotifyId: me.person.id,
    alertNotifyName: me.person.name,
  }));
  const form = draft.value;
  const update = (patch: Partial<Draft>) => draft.setValue((f) => ({ ...f, ...patch }));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  // Choosing a suggestion replaces the picker so that it shows the chosen name.
  const [pickerKey, setPickerKey] = useState(0);

  const today = todayIso();
  const serverError = (field: string) =>
    create.error instanceof ApiError ? create.error.fieldError(field) : undefined;
  const err = (field: Field) => errors[field] ?? serverError(field);
  const checkpointError = (i: number) => errors[`checkpoints.${i}`] ?? serverError(`checkpoints.${i}`);
  const shownFields = [...fields, ...form.checkpoints.map((_, i) => `checkpoints.${i}`)];

  const choose = (person: { id: string; name: string }) => {
    draft.setValue((f) => ({ ...f, assigneeId: person.id, assigneeName: person.name }));
    setPickerKey((k) => k + 1);
  };

  const addCheckpoint = () => {
    const last = form.checkpoints.at(-1);
    const next = last ? addDays(last, 7) : addDays(today, 7);
    update({ checkpoints: [...form.checkpoints, form.dueOn && next > form.dueOn ? form.dueOn : next] });
  };

  const validate = () => {
    const next = validateCardFields(form, t, today);
    if (!form.assigneeId) next.assigneeId = t('delegation.form.errors.assignee');
    form.checkpoints.forEach((day, i) => {
      if (!day) next[`checkpoints.${i}`] = t('delegation.form.errors.checkpointEmpty');
      else if (day < today) next[`checkpoints.${i}`] = t('delegation.form.errors.checkpointPast');
      else if (form.dueOn && day > form.dueOn)
        next[`checkpoints.${i}`] = t('delegation.form.errors.checkpointAfter');
    });
    return next;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = validate();
    setErrors(next);
    if (Object.keys(next).length > 0) {
      create.reset();
      return;
    }
    const body: CreateCardBody = {
      ...cardFieldsBody(form),
      assigneeId: form.assigneeId!,
      // Sent in the order shown, so that an error on `checkpoints.<i>` lands on the right field.
      checkpoints: form.checkpoints,
    };
    create.mutate(body, {
      onSuccess: (card) => {
        draft.discard();
        notifications.show({
          message: t('delegation.form.created', { name: card.assignee.name }),
          color: 'green',
          closeButtonProps: { 'aria-label': t('ui.close') },
        });
        void navigate({ to: cardPath(card.id) });
      },
    });
  };

  const suggestions = (
    <Suggestions
      outcome={form.outcome}
      domainId={form.domainId || null}
      level={form.level}
      chosenId={form.assigneeId}
      onChoose={choose}
    />
  );

  return (
    <Stack>
      <PageTitle
        actions={
          <Anchor component={Link} to="/delegation">
            {t('delegation.back')}
          </Anchor>
        }
      >
        {t('delegation.form.title')}
      </PageTitle>
      <Text c="dimmed">{t('delegation.form.intro')}</Text>
      {draft.restored && (
        <Alert color="blue" variant="light" withCloseButton={false}>
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('delegation.form.draftRestored')}</Text>
            <Group gap="xs">
              <Button size="compact-sm" variant="default" onClick={draft.dismissRestored}>
                {t('delegation.form.draftKeep')}
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                onClick={() => {
                  draft.reset();
                  setErrors({});
                  create.reset();
                  setPickerKey((k) => k + 1);
                }}
              >
                {t('delegation.form.draftDiscard')}
              </Button>
            </Group>
          </Group>
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <form onSubmit={submit} noValidate aria-label={t('delegation.form.title')}>
            <Stack>
              <WhatSection form={form} update={update} err={err} />

              <Box hiddenFrom="lg">{suggestions}</Box>

              <WhoSection
                form={form}
                update={update}
                err={err}
                min={today}
                assignee={
                  <PersonPicker
                    key={pickerKey}
                    label={t('delegation.form.assignee')}
                    description={t('delegation.form.assigneeHelp')}
                    value={form.assigneeId}
                    initialName={form.assigneeName}
                    onChange={(id) => update({ assigneeId: id, assigneeName: null })}
                    excludeId={me.person.id}
                    error={err('assigneeId')}
                  />
                }
              >
                <CheckpointList
                  days={form.checkpoints}
                  min={today}
                  max={form.dueOn || undefined}
                  onChange={(days) => update({ checkpoints: days })}
                  onAdd={addCheckpoint}
                  error={err('checkpoints')}
                  errorAt={checkpointError}
                />
              </WhoSection>

              <FrameSection form={form} update={update} err={err} />
              <AlertSection key={pickerKey} form={form} update={update} err={err} />

              <FormErrors
                error={create.error}
                fields={shownFields}
                invalid={Object.keys(errors).length > 0}
              />
              <Group gap="sm">
                <Button type="submit" loading={create.isPending}>
                  {t('delegation.form.submit')}
                </Button>
                <Text size="sm" c="dimmed">
                  {t('delegation.form.draftNote')}
                </Text>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ lg: 4 }} visibleFrom="lg">
          <div className={classes.sticky}>{suggestions}</div>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

interface CheckpointListProps {
  days: string[];
  min: string;
  max?: string;
  onChange: (days: string[]) => void;
  onAdd: () => void;
  error?: string;
  errorAt: (i: number) => string | undefined;
}

function CheckpointList({ days, min, max, onChange, onAdd, error, errorAt }: CheckpointListProps) {
  const { t } = useTranslation();
  return (
    <div>
      <Input.Label component="div" id="checkpoints-label">
        {t('delegation.form.checkpoints')}
      </Input.Label>
      <Input.Description mb={6}>{t('delegation.form.checkpointsHelp')}</Input.Description>
      <Stack
        gap="xs"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-labelledby="checkpoints-label"
      >
        {days.map((day, i) => (
          <Group component="li" key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              type="date"
              label={t('delegation.form.checkpointN', { n: i + 1 })}
              value={day}
              min={min}
              max={max}
              onChange={(e) => {
                const value = e.currentTarget.value;
                onChange(days.map((d, j) => (j === i ? value : d)));
              }}
              error={errorAt(i)}
              style={{ flex: '1 1 auto', maxWidth: 240 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              size="lg"
              onClick={() => onChange(days.filter((_, j) => j !== i))}
              aria-label={t('delegation.form.removeCheckpoint', { n: i + 1 })}
            >
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden focusable="false">
                <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      {error && (
        <Text size="sm" c="red.8" mt={4}>
          {error}
        </Text>
      )}
      <Button variant="light" size="compact-sm" mt="xs" onClick={onAdd} disabled={days.length >= 20}>
        {t('delegation.form.addCheckpoint')}
      </Button>
    </div>
  );
}
