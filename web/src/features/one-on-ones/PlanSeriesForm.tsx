import { Alert, Button, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useTeam } from '../people/people.api.ts';
import { cadenceLabelKey, fromLocalInput, toLocalInput } from './common.tsx';
import { seriesPath, useCreateSeries } from './one-on-ones.api.ts';

const fields = [
  'withPersonId',
  'firstAt',
  'cadenceWeeks',
  'durationMinutes',
  'location',
  'videoUrl',
] as const;

/** Next week, same weekday, at 10:00: a sensible first slot to adjust. */
function defaultFirstAt(): string {
  const d = new Date();
  d.setDate(d.getDate() + 7);
  d.setHours(10, 0, 0, 0);
  return toLocalInput(d);
}

export function PlanSeriesForm() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateSeries();
  const team = useTeam(me.person.id, 'direct', me.person.directReports > 0);
  const [form, setForm] = useState({
    withPersonId: '',
    firstAt: defaultFirstAt(),
    cadenceWeeks: '1',
    durationMinutes: 45 as number | string,
    location: '',
    videoUrl: '',
  });
  // The value is read before the state update: React clears the event's currentTarget after dispatch.
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const [errors, setErrors] = useState<Partial<Record<(typeof fields)[number], string>>>({});

  const people = [
    ...(team.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
    ...(me.person.manager
      ? [
          {
            value: me.person.manager.id,
            label: t('oneOnOnes.plan.myManager', { name: me.person.manager.name }),
          },
        ]
      : []),
  ];
  const err = (field: (typeof fields)[number]) => errors[field] ?? fieldError(create.error, field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    const firstAt = fromLocalInput(form.firstAt);
    const duration = Number(form.durationMinutes);
    if (!form.withPersonId) next.withPersonId = t('oneOnOnes.plan.personRequired');
    if (!firstAt) next.firstAt = t('oneOnOnes.plan.firstAtRequired');
    else if (new Date(firstAt).getTime() <= Date.now()) next.firstAt = t('oneOnOnes.plan.pastDate');
    if (!Number.isInteger(duration) || duration < 15 || duration > 120)
      next.durationMinutes = t('oneOnOnes.plan.durationRange');
    setErrors(next);
    if (Object.keys(next).length > 0 || !firstAt) return;
    create.mutate(
      {
        withPersonId: form.withPersonId,
        firstAt,
        cadenceWeeks: Number(form.cadenceWeeks),
        durationMinutes: duration,
        location: form.location,
        videoUrl: form.videoUrl.trim(),
      },
      {
        onSuccess: (series) => {
          notifications.show({
            message: t('oneOnOnes.plan.created'),
            color: 'green',
            closeButtonProps: { 'aria-label': t('ui.close') },
          });
          void navigate({ to: seriesPath(series.id) });
        },
      },
    );
  };

  if (!me.person.manager && me.person.directReports === 0) {
    return <Alert color="gray">{t('oneOnOnes.plan.noPeople')}</Alert>;
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={create.error} fields={fields} />
        <NativeSelect
          label={t('oneOnOnes.plan.person')}
          description={t('oneOnOnes.plan.personHelp')}
          value={form.withPersonId}
          onChange={(e) => set('withPersonId', e.currentTarget.value)}
          data={[{ value: '', label: t('oneOnOnes.plan.personPlaceholder') }, ...people]}
          error={err('withPersonId')}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('oneOnOnes.plan.firstAt')}
            description={t('oneOnOnes.plan.firstAtHelp')}
            value={form.firstAt}
            min={toLocalInput(new Date())}
            onChange={(e) => set('firstAt', e.currentTarget.value)}
            error={err('firstAt')}
            required
          />
          <NativeSelect
            label={t('oneOnOnes.plan.cadence')}
            value={form.cadenceWeeks}
            onChange={(e) => set('cadenceWeeks', e.currentTarget.value)}
            data={[1, 2, 3, 4].map((w) => ({ value: String(w), label: t(cadenceLabelKey(w)) }))}
            error={err('cadenceWeeks')}
          />
          <NumberInput
            label={t('oneOnOnes.plan.duration')}
            description={t('oneOnOnes.plan.durationHelp')}
            value={form.durationMinutes}
            onChange={(v) => set('durationMinutes', v)}
            min={15}
            max={120}
            step={5}
            clampBehavior="none"
            allowDecimal={false}
            error={err('durationMinutes')}
            required
          />
          <TextInput
            label={t('oneOnOnes.plan.location')}
            description={t('oneOnOnes.plan.locationHelp')}
            value={form.location}
            onChange={(e) => set('location', e.currentTarget.value)}
            error={err('location')}
            maxLength={200}
          />
        </SimpleGrid>
        <TextInput
          type="url"
          label={t('oneOnOnes.plan.videoUrl')}
          value={form.videoUrl}
          onChange={(e) => set('videoUrl', e.currentTarget.value)}
          error={err('videoUrl')}
          maxLength={500}
        />
        <Button type="submit" loading={create.isPending} w="fit-content">
          {t('oneOnOnes.plan.submit')}
        </Button>
      </Stack>
    </form>
  );
}
