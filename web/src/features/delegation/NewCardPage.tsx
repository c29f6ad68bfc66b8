import {
  ActionIcon,
  Alert,
  Box,
  Anchor,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Input,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Domain } from '../../../../core/api/delegation.schemas.ts';
import { ApiError, post } from '../../app/api.ts';
import { useMe } from '../../app/session.ts';
import { ClarityHints } from '../../ui/ClarityHints.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PersonPicker } from '../people/PersonPicker.tsx';
import { cardPath, keys, useCreateCard, useDomains, type CreateCardBody } from './delegation.api.ts';
import { useDraft } from './draft.ts';
import classes from './delegation.module.css';
import { LevelPicker, todayIso } from './parts.tsx';
import { Suggestions } from './Suggestions.tsx';

const fields = [
  'assigneeId',
  'outcome',
  'dueOn',
  'domainId',
  'level',
  'risks',
  'support',
  'successIndicators',
  'resultFormat',
  'checkpoints',
  'alertCondition',
  'alertMetric',
  'alertDirection',
  'alertLimit',
  'alertNotifyId',
] as const;
type Field = (typeof fields)[number];

interface Draft {
  outcome: string;
  assigneeId: string | null;
  assigneeName: string | null;
  dueOn: string;
  domainId: string;
  level: number | null;
  risks: string;
  support: string;
  successIndicators: string;
  resultFormat: string;
  checkpoints: string[];
  alertCondition: string;
  useMetric: boolean;
  alertMetric: string;
  alertDirection: 'above' | 'below';
  alertLimit: string | number;
  alertNotifyId: string | null;
  alertNotifyName: string | null;
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
  const domains = useDomains();
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
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    draft.setValue((f) => ({ ...f, [key]: value }));
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
    set('checkpoints', [...form.checkpoints, form.dueOn && next > form.dueOn ? form.dueOn : next]);
  };

  const validate = () => {
    const next: Record<string, string> = {};
    if (!form.outcome.trim()) next.outcome = t('delegation.form.errors.outcome');
    if (!form.assigneeId) next.assigneeId = t('delegation.form.errors.assignee');
    if (!form.dueOn) next.dueOn = t('delegation.form.errors.dueOn');
    else if (form.dueOn < today) next.dueOn = t('delegation.form.errors.dueOnPast');
    if (form.level === null) next.level = t('delegation.form.errors.level');
    form.checkpoints.forEach((day, i) => {
      if (!day) next[`checkpoints.${i}`] = t('delegation.form.errors.checkpointEmpty');
      else if (day < today) next[`checkpoints.${i}`] = t('delegation.form.errors.checkpointPast');
      else if (form.dueOn && day > form.dueOn)
        next[`checkpoints.${i}`] = t('delegation.form.errors.checkpointAfter');
    });
    if (form.useMetric) {
      if (!form.alertMetric.trim()) next.alertMetric = t('delegation.form.errors.metric');
      if (form.alertLimit === '' || !Number.isFinite(Number(form.alertLimit)))
        next.alertLimit = t('delegation.form.errors.limit');
    }
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
      assigneeId: form.assigneeId!,
      outcome: form.outcome,
      dueOn: form.dueOn,
      domainId: form.domainId || null,
      level: form.level!,
      risks: form.risks,
      support: form.support,
      successIndicators: form.successIndicators,
      resultFormat: form.resultFormat,
      // Sent in the order shown, so that an error on `checkpoints.<i>` lands on the right field.
      checkpoints: form.checkpoints,
      alertCondition: form.alertCondition,
      alertMetric: form.useMetric ? form.alertMetric.trim() : null,
      alertDirection: form.useMetric ? form.alertDirection : null,
      alertLimit: form.useMetric ? Number(form.alertLimit) : null,
      alertNotifyId: form.alertNotifyId,
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

  const domainItems = (domains.data?.items ?? []).filter((d) => !d.archived);
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
              <Section title={t('delegation.form.sections.what')}>
                <Textarea
                  label={t('delegation.form.outcome')}
                  description={t('delegation.form.outcomeHelp')}
                  value={form.outcome}
                  onChange={(e) => set('outcome', e.currentTarget.value)}
                  error={err('outcome')}
                  autosize
                  minRows={2}
                  maxLength={500}
                  required
                />
                <ClarityHints text={form.outcome} kind="delegation_what" />
                <DomainField
                  domains={domainItems}
                  canManage={domains.data?.permissions.manage ?? false}
                  value={form.domainId}
                  onChange={(id) => set('domainId', id)}
                  error={err('domainId')}
                />
                <LevelPicker value={form.level} onChange={(l) => set('level', l)} error={err('level')} />
              </Section>

              <Box hiddenFrom="lg">{suggestions}</Box>

              <Section title={t('delegation.form.sections.who')}>
                <PersonPicker
                  key={pickerKey}
                  label={t('delegation.form.assignee')}
                  description={t('delegation.form.assigneeHelp')}
                  value={form.assigneeId}
                  initialName={form.assigneeName}
                  onChange={(id) => draft.setValue((f) => ({ ...f, assigneeId: id, assigneeName: null }))}
                  excludeId={me.person.id}
                  error={err('assigneeId')}
                />
                <TextInput
                  type="date"
                  label={t('delegation.form.dueOn')}
                  value={form.dueOn}
                  min={today}
                  onChange={(e) => set('dueOn', e.currentTarget.value)}
                  error={err('dueOn')}
                  required
                  w={{ base: '100%', sm: 240 }}
                />
                <CheckpointList
                  days={form.checkpoints}
                  min={today}
                  max={form.dueOn || undefined}
                  onChange={(days) => set('checkpoints', days)}
                  onAdd={addCheckpoint}
                  error={err('checkpoints')}
                  errorAt={checkpointError}
                />
              </Section>

              <Section title={t('delegation.form.sections.frame')}>
                <Textarea
                  label={t('delegation.form.risks')}
                  description={t('delegation.form.risksHelp')}
                  value={form.risks}
                  onChange={(e) => set('risks', e.currentTarget.value)}
                  error={err('risks')}
                  autosize
                  minRows={2}
                  maxLength={2000}
                />
                <Textarea
                  label={t('delegation.form.support')}
                  description={t('delegation.form.supportHelp')}
                  value={form.support}
                  onChange={(e) => set('support', e.currentTarget.value)}
                  error={err('support')}
                  autosize
                  minRows={2}
                  maxLength={2000}
                />
                <Textarea
                  label={t('delegation.form.successIndicators')}
                  description={t('delegation.form.successIndicatorsHelp')}
                  value={form.successIndicators}
                  onChange={(e) => set('successIndicators', e.currentTarget.value)}
                  error={err('successIndicators')}
                  autosize
                  minRows={2}
                  maxLength={2000}
                />
                <TextInput
                  label={t('delegation.form.resultFormat')}
                  description={t('delegation.form.resultFormatHelp')}
                  value={form.resultFormat}
                  onChange={(e) => set('resultFormat', e.currentTarget.value)}
                  error={err('resultFormat')}
                  maxLength={500}
                />
              </Section>

              <Section title={t('delegation.form.sections.alert')} intro={t('delegation.form.alertIntro')}>
                <Textarea
                  label={t('delegation.form.alertCondition')}
                  description={t('delegation.form.alertConditionHelp')}
                  value={form.alertCondition}
                  onChange={(e) => set('alertCondition', e.currentTarget.value)}
                  error={err('alertCondition')}
                  autosize
                  minRows={2}
                  maxLength={500}
                />
                <Checkbox
                  label={t('delegation.form.useMetric')}
                  checked={form.useMetric}
                  onChange={(e) => set('useMetric', e.currentTarget.checked)}
                />
                {form.useMetric && (
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput
                      label={t('delegation.form.alertMetric')}
                      placeholder={t('delegation.form.alertMetricHelp')}
                      value={form.alertMetric}
                      onChange={(e) => set('alertMetric', e.currentTarget.value)}
                      error={err('alertMetric')}
                      maxLength={120}
                      required
                    />
                    <NativeSelect
                      label={t('delegation.form.alertDirection')}
                      value={form.alertDirection}
                      onChange={(e) =>
                        set('alertDirection', e.currentTarget.value as Draft['alertDirection'])
                      }
                      data={[
                        { value: 'above', label: t('delegation.direction.above') },
                        { value: 'below', label: t('delegation.direction.below') },
                      ]}
                      error={err('alertDirection')}
                    />
                    <NumberInput
                      label={t('delegation.form.alertLimit')}
                      value={form.alertLimit}
                      onChange={(v) => set('alertLimit', v)}
                      error={err('alertLimit')}
                      decimalSeparator={t('delegation.form.decimalSeparator')}
                      required
                    />
                  </SimpleGrid>
                )}
                <PersonPicker
                  key={`notify-${pickerKey}`}
                  label={t('delegation.form.alertNotify')}
                  description={t('delegation.form.alertNotifyHelp')}
                  value={form.alertNotifyId}
                  initialName={form.alertNotifyName}
                  onChange={(id) =>
                    draft.setValue((f) => ({ ...f, alertNotifyId: id, alertNotifyName: null }))
                  }
                  error={err('alertNotifyId')}
                />
              </Section>

              <ErrorAlert error={create.error} fields={shownFields} />
              {Object.keys(errors).length > 0 && (
                <Alert color="red" role="alert" title={t('delegation.form.errors.title')} />
              )}
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

function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed" mb="sm">
          {intro}
        </Text>
      )}
      <Stack gap="md">{children}</Stack>
    </Card>
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

interface DomainFieldProps {
  domains: Domain[];
  canManage: boolean;
  value: string;
  onChange: (id: string) => void;
  error?: string;
}

/** The team's decision domains; a manager can add one on the spot instead of leaving the form. */
function DomainField({ domains, canManage, value, onChange, error }: DomainFieldProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const add = useMutation({
    mutationFn: (body: { name: string }) => post<Domain>('/api/delegation/domains', body),
    onSuccess: (domain) => {
      void queryClient.invalidateQueries({ queryKey: keys.domains });
      void queryClient.invalidateQueries({ queryKey: ['autonomy'] });
      onChange(domain.id);
      setName('');
      setAdding(false);
    },
  });
  return (
    <Stack gap={6}>
      <NativeSelect
        label={t('delegation.form.domain')}
        description={domains.length === 0 ? t('delegation.form.domainNone') : t('delegation.form.domainHelp')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={[
          { value: '', label: t('delegation.form.domainEmpty') },
          ...domains.map((d) => ({ value: d.id, label: d.name })),
        ]}
        error={error}
      />
      {canManage && !adding && (
        <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => setAdding(true)}>
          {t('delegation.form.domainAdd')}
        </Button>
      )}
      {canManage && adding && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            label={t('delegation.form.domainName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={
              add.error instanceof ApiError ? (add.error.fieldError('name') ?? add.error.message) : undefined
            }
            maxLength={120}
            style={{ flex: '1 1 14rem' }}
            onKeyDown={(e) => {
              // Enter adds the domain instead of submitting the whole card.
              if (e.key === 'Enter') {
                e.preventDefault();
                if (name.trim()) add.mutate({ name: name.trim() });
              }
            }}
          />
          <Button
            variant="light"
            loading={add.isPending}
            disabled={!name.trim()}
            onClick={() => add.mutate({ name: name.trim() })}
          >
            {t('delegation.form.domainCreate')}
          </Button>
          <Button variant="subtle" onClick={() => setAdding(false)}>
            {t('delegation.form.cancel')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
