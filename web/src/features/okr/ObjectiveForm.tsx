import { Alert, Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ClarityFor } from './clarity.tsx';
import {
  type ObjectiveDetail,
  type ObjectiveRef,
  useCreateObjective,
  useDraft,
  useUpdateObjective,
} from './okr.api.ts';

interface Draft {
  title: string;
  rules: string;
  scope: string;
  priorities: string;
  periodStart: string;
  reviewWeekday: string;
  parentObjectiveId: string;
}

const FIELDS = ['title', 'rules', 'scope', 'priorities', 'periodStart', 'reviewWeekday', 'parentObjectiveId'];
const todayLocal = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** Writing (or editing) the team objective; the draft survives a failed save and a reload. */
export function ObjectiveForm(
  props:
    | {
        mode: 'create';
        managerId: string;
        candidates: readonly ObjectiveRef[];
        periodKind: string;
        onDone: (o: ObjectiveDetail) => void;
        onCancel?: () => void;
      }
    | {
        mode: 'edit';
        objective: ObjectiveDetail;
        candidates: readonly ObjectiveRef[];
        onDone: (o: ObjectiveDetail) => void;
        onCancel?: () => void;
      },
) {
  const { t } = useTranslation();
  const o = props.mode === 'edit' ? props.objective : null;
  const initial: Draft = {
    title: o?.title ?? '',
    rules: o?.rules ?? '',
    scope: o?.scope ?? '',
    priorities: o?.priorities ?? '',
    periodStart: o?.periodStart ?? todayLocal(),
    reviewWeekday: String(o?.reviewWeekday ?? 1),
    parentObjectiveId: o?.parent?.id ?? '',
  };
  const draft = useDraft<Draft>(
    o ? `objective.${o.id}` : `objective.new.${props.mode === 'create' ? props.managerId : ''}`,
    initial,
  );
  const create = useCreateObjective(props.mode === 'create' ? props.managerId : '');
  const update = useUpdateObjective(o?.id ?? '');
  const mutation = o ? update : create;
  const form = draft.value;
  const set = (patch: Partial<Draft>) => draft.set((d) => ({ ...d, ...patch }));
  const err = (field: string) => fieldError(mutation.error, field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = {
      title: form.title,
      rules: form.rules,
      scope: form.scope,
      priorities: form.priorities,
      reviewWeekday: Number(form.reviewWeekday),
      parentObjectiveId: form.parentObjectiveId || null,
    };
    const done = (saved: ObjectiveDetail) => {
      draft.clear();
      props.onDone(saved);
    };
    if (o) update.mutate(common, { onSuccess: done });
    else create.mutate({ ...common, periodStart: form.periodStart }, { onSuccess: done });
  };

  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`okr.weekday.d${d}`) }));
  const parents = [
    { value: '', label: t('okr.form.noParent') },
    ...props.candidates.map((c) => ({
      value: c.id,
      label: t('okr.form.parentOption', { title: c.title, name: c.teamManager.name }),
    })),
  ];
  const hint = (text: string, kind: 'objective' | 'key_result'): ReactNode => (
    <ClarityFor text={text} kind={kind} />
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="okr-objective-form-title">
      <Stack gap="sm">
        {draft.restored && (
          <Alert color="blue" title={t('okr.form.draftRestored')}>
            <Button variant="subtle" size="compact-sm" onClick={() => draft.clear(initial)}>
              {t('okr.form.discardDraft')}
            </Button>
          </Alert>
        )}
        <Textarea
          label={t('okr.form.title')}
          description={t('okr.form.titleHelp')}
          value={form.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={err('title')}
          required
          autosize
          minRows={2}
          maxLength={200}
        />
        {hint(form.title, 'objective')}
        <Textarea
          label={t('okr.form.rules')}
          description={t('okr.form.rulesHelp')}
          value={form.rules}
          onChange={(e) => set({ rules: e.currentTarget.value })}
          error={err('rules')}
          autosize
          minRows={2}
          maxLength={1000}
        />
        <Textarea
          label={t('okr.form.scope')}
          description={t('okr.form.scopeHelp')}
          value={form.scope}
          onChange={(e) => set({ scope: e.currentTarget.value })}
          error={err('scope')}
          autosize
          maxLength={1000}
        />
        <Textarea
          label={t('okr.form.priorities')}
          description={t('okr.form.prioritiesHelp')}
          value={form.priorities}
          onChange={(e) => set({ priorities: e.currentTarget.value })}
          error={err('priorities')}
          autosize
          maxLength={1000}
        />
        <Group grow align="flex-start" wrap="wrap">
          {props.mode === 'create' && (
            <TextInput
              type="date"
              label={t('okr.form.periodStart')}
              description={
                props.periodKind === 'quarter' ? t('okr.form.periodQuarter') : t('okr.form.period90')
              }
              value={form.periodStart}
              onChange={(e) => set({ periodStart: e.currentTarget.value })}
              error={err('periodStart')}
              required
              miw={200}
            />
          )}
          <Select
            label={t('okr.form.reviewWeekday')}
            data={weekdays}
            value={form.reviewWeekday}
            onChange={(v) => set({ reviewWeekday: v ?? '1' })}
            error={err('reviewWeekday')}
            allowDeselect={false}
            miw={200}
          />
        </Group>
        {props.candidates.length > 0 || form.parentObjectiveId ? (
          <Select
            label={t('okr.form.parent')}
            description={t('okr.form.parentHelp')}
            data={parents}
            value={form.parentObjectiveId}
            onChange={(v) => set({ parentObjectiveId: v ?? '' })}
            error={err('parentObjectiveId')}
            allowDeselect={false}
          />
        ) : null}
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <Group justify="flex-end">
          {props.onCancel && (
            <Button variant="default" onClick={props.onCancel}>
              {t('okr.form.cancel')}
            </Button>
          )}
          <Button type="submit" loading={mutation.isPending}>
            {o ? t('okr.form.save') : t('okr.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
