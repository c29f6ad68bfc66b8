import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ClarityFor } from './clarity.tsx';
import {
  DIRECTIONS,
  type Direction,
  type KeyResult,
  type ObjectiveDetail,
  useAddKeyResult,
  useDraft,
  useUpdateKeyResult,
} from './okr.api.ts';

interface Draft {
  metric: string;
  unit: string;
  start: number | string;
  target: number | string;
  direction: Direction;
  ownerId: string;
  confidence: number | string;
}
const FIELDS = ['metric', 'unit', 'start', 'target', 'direction', 'ownerId', 'confidence'];
const num = (v: number | string) =>
  typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v.replace(',', '.'));

/** Adding or editing one key result; the draft survives a failed save and a reload. */
export function KeyResultForm({
  objective,
  keyResult,
  onDone,
  onCancel,
}: {
  objective: ObjectiveDetail;
  keyResult?: KeyResult;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const initial: Draft = {
    metric: keyResult?.metric ?? '',
    unit: keyResult?.unit ?? '',
    start: keyResult?.start ?? '',
    target: keyResult?.target ?? '',
    direction: keyResult?.direction ?? 'increase',
    ownerId: keyResult?.owner.id ?? objective.teamManager.id,
    confidence: keyResult?.confidence ?? 5,
  };
  const draft = useDraft<Draft>(keyResult ? `kr.${keyResult.id}` : `kr.new.${objective.id}`, initial);
  const add = useAddKeyResult(objective.id);
  const update = useUpdateKeyResult(keyResult?.id ?? '');
  const mutation = keyResult ? update : add;
  const form = draft.value;
  const set = (patch: Partial<Draft>) => draft.set((d) => ({ ...d, ...patch }));
  const err = (field: string) => fieldError(mutation.error, field);
  const idPrefix = keyResult ? `kr-${keyResult.id}` : 'kr-new';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      metric: form.metric,
      unit: form.unit,
      start: num(form.start),
      target: num(form.target),
      direction: form.direction,
      ownerId: form.ownerId,
      confidence: num(form.confidence),
    };
    const done = () => {
      draft.clear(keyResult ? undefined : initial);
      onDone();
    };
    if (keyResult) update.mutate(body, { onSuccess: done });
    else add.mutate(body, { onSuccess: done });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={keyResult ? t('okr.kr.editLabel', { metric: keyResult.metric }) : t('okr.kr.addLabel')}
    >
      <Stack gap="sm">
        {draft.restored && (
          <Alert color="blue" title={t('okr.form.draftRestored')}>
            <Button variant="subtle" size="compact-sm" onClick={() => draft.clear(initial)}>
              {t('okr.form.discardDraft')}
            </Button>
          </Alert>
        )}
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            id={`${idPrefix}-metric`}
            label={t('okr.kr.metric')}
            description={t('okr.kr.metricHelp')}
            value={form.metric}
            onChange={(e) => set({ metric: e.currentTarget.value })}
            error={err('metric')}
            required
            maxLength={200}
            miw={220}
          />
          <TextInput
            label={t('okr.kr.unit')}
            description={t('okr.kr.unitHelp')}
            value={form.unit}
            onChange={(e) => set({ unit: e.currentTarget.value })}
            error={err('unit')}
            required
            maxLength={30}
            miw={120}
          />
        </Group>
        <ClarityFor
          text={
            `${form.metric} ${form.unit}`.trim()
              ? `${form.metric} : ${form.start} → ${form.target} ${form.unit}`
              : ''
          }
          kind="key_result"
        />
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('okr.kr.direction')}
            data={DIRECTIONS.map((d) => ({ value: d, label: t(`okr.direction.${d}`) }))}
            value={form.direction}
            onChange={(v) => set({ direction: (v as Direction | null) ?? 'increase' })}
            error={err('direction')}
            allowDeselect={false}
            miw={180}
          />
          <NumberInput
            label={t('okr.kr.start')}
            value={form.start}
            onChange={(v) => set({ start: v })}
            error={err('start')}
            required
            decimalSeparator=","
            miw={110}
          />
          <NumberInput
            label={t('okr.kr.target')}
            value={form.target}
            onChange={(v) => set({ target: v })}
            error={err('target')}
            required
            decimalSeparator=","
            miw={110}
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('okr.kr.owner')}
            data={objective.members.map((m) => ({ value: m.id, label: m.name }))}
            value={form.ownerId}
            onChange={(v) => set({ ownerId: v ?? objective.teamManager.id })}
            error={err('ownerId')}
            allowDeselect={false}
            miw={200}
          />
          <NumberInput
            label={t('okr.kr.confidence')}
            description={t('okr.kr.confidenceHelp')}
            value={form.confidence}
            onChange={(v) => set({ confidence: v })}
            error={err('confidence')}
            allowDecimal={false}
            miw={140}
          />
        </Group>
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('okr.form.cancel')}
            </Button>
          )}
          <Button type="submit" loading={mutation.isPending}>
            {keyResult ? t('okr.kr.save') : t('okr.kr.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
