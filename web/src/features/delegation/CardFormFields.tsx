import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from '../../app/translator.ts';
import type { Domain } from '../../../../core/api/delegation.schemas.ts';
import { ApiError, post } from '../../app/api.ts';
import { ClarityHints } from '../../ui/ClarityHints.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PersonPicker } from '../people/PersonPicker.tsx';
import { keys, useDomains } from './delegation.api.ts';
import type { CardField, CardFieldsDraft, UpdateDraft } from './form.ts';
import { LevelPicker, Panel, type PanelProps } from './parts.tsx';

type DomainChoice = Pick<Domain, 'id' | 'name'>;

/** The pieces of a card's form, used to create a card and to edit one. */
interface FieldsProps {
  form: CardFieldsDraft;
  update: UpdateDraft;
  err: (field: CardField) => string | undefined;
  /** Heading level of the section: 3 inside a dialog, whose title is the h2. */
  order?: 2 | 3;
}

/** A titled part of the form: its heading names the landmark. */
function Section({ children, ...panel }: Omit<PanelProps, 'highlight'>) {
  return (
    <Panel {...panel}>
      <Stack gap="md">{children}</Stack>
    </Panel>
  );
}

type TextField = 'outcome' | 'risks' | 'support' | 'successIndicators' | 'resultFormat' | 'alertCondition';

/**
 * A text labelled `delegation.form.<field>` with its `<field>Help` below: a growing area, or one line when
 * `short`.
 */
function CardText({
  field,
  max,
  required,
  short,
  form,
  update,
  err,
}: FieldsProps & { field: TextField; max: number; required?: boolean; short?: boolean }) {
  const { t } = useTranslation();
  const props = {
    label: t(`delegation.form.${field}`),
    description: t(`delegation.form.${field}Help`),
    value: form[field],
    error: err(field),
    maxLength: max,
    required,
  };
  return short ? (
    <TextInput {...props} onChange={(e) => update({ [field]: e.currentTarget.value })} />
  ) : (
    <Textarea {...props} onChange={(e) => update({ [field]: e.currentTarget.value })} autosize minRows={2} />
  );
}

interface WhatSectionProps extends FieldsProps {
  /** The card's domain, kept as a choice even once archived. */
  keepDomain?: DomainChoice | null;
  /** The person's current level in the chosen domain, marked on the scale. */
  currentLevel?: number | null;
}

/** The outcome with its live clarity check, the decision domain and the autonomy level. */
export function WhatSection({ keepDomain, currentLevel, ...props }: WhatSectionProps) {
  const { form, update, err, order } = props;
  const { t } = useTranslation();
  const domains = useDomains();
  const items: DomainChoice[] = (domains.data?.items ?? []).filter((d) => !d.archived);
  if (keepDomain && !items.some((d) => d.id === keepDomain.id)) items.push(keepDomain);
  return (
    <Section title={t('delegation.form.sections.what')} order={order}>
      <CardText {...props} field="outcome" max={500} required />
      <ClarityHints text={form.outcome} kind="delegation_what" />
      <DomainField
        domains={items}
        canManage={domains.data?.permissions.manage ?? false}
        value={form.domainId}
        onChange={(id) => update({ domainId: id })}
        error={err('domainId')}
      />
      <LevelPicker
        value={form.level}
        onChange={(level) => update({ level })}
        error={err('level')}
        currentLevel={currentLevel}
      />
    </Section>
  );
}

interface WhoSectionProps extends FieldsProps {
  /** Who the card is for: a picker when creating, the name when editing. */
  assignee: ReactNode;
  /** The earliest due date offered. */
  min: string;
  /** Below the due date (the checkpoints, when creating). */
  children?: ReactNode;
}

/** To whom, and by when. */
export function WhoSection({ assignee, min, children, form, update, err, order }: WhoSectionProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('delegation.form.sections.who')} order={order}>
      {assignee}
      <TextInput
        type="date"
        label={t('delegation.form.dueOn')}
        value={form.dueOn}
        min={min}
        onChange={(e) => update({ dueOn: e.currentTarget.value })}
        error={err('dueOn')}
        required
        w={{ base: '100%', sm: 240 }}
      />
      {children}
    </Section>
  );
}

/** Risks, support, success indicators and the result's format. */
export function FrameSection(props: FieldsProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('delegation.form.sections.frame')} order={props.order}>
      <CardText {...props} field="risks" max={2000} />
      <CardText {...props} field="support" max={2000} />
      <CardText {...props} field="successIndicators" max={2000} />
      <CardText {...props} field="resultFormat" max={500} short />
    </Section>
  );
}

/** What must be said at once: the condition in words, an optional figure with its limit, whom to tell. */
export function AlertSection(props: FieldsProps) {
  const { form, update, err, order } = props;
  const { t } = useTranslation();
  return (
    <Section
      title={t('delegation.form.sections.alert')}
      intro={t('delegation.form.alertIntro')}
      order={order}
    >
      <CardText {...props} field="alertCondition" max={500} />
      <Checkbox
        label={t('delegation.form.useMetric')}
        checked={form.useMetric}
        onChange={(e) => update({ useMetric: e.currentTarget.checked })}
      />
      {form.useMetric && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('delegation.form.alertMetric')}
            placeholder={t('delegation.form.alertMetricHelp')}
            value={form.alertMetric}
            onChange={(e) => update({ alertMetric: e.currentTarget.value })}
            error={err('alertMetric')}
            maxLength={120}
            required
          />
          <NativeSelect
            label={t('delegation.form.alertDirection')}
            value={form.alertDirection}
            onChange={(e) =>
              update({ alertDirection: e.currentTarget.value as CardFieldsDraft['alertDirection'] })
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
            onChange={(v) => update({ alertLimit: v })}
            error={err('alertLimit')}
            decimalSeparator={t('delegation.form.decimalSeparator')}
            required
          />
        </SimpleGrid>
      )}
      <PersonPicker
        label={t('delegation.form.alertNotify')}
        description={t('delegation.form.alertNotifyHelp')}
        value={form.alertNotifyId}
        initialName={form.alertNotifyName}
        onChange={(id) => update({ alertNotifyId: id, alertNotifyName: null })}
        error={err('alertNotifyId')}
      />
    </Section>
  );
}

/** What stopped the save: the server's answer (issues of unshown fields listed) or the form's own checks. */
export function FormErrors({
  error,
  fields,
  invalid,
}: {
  error: unknown;
  fields: readonly string[];
  invalid: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} fields={fields} />
      {invalid && <Alert color="red" role="alert" title={t('delegation.form.errors.title')} />}
    </>
  );
}

interface DomainFieldProps {
  domains: DomainChoice[];
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
