import { Alert, Anchor, Button, Card, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ReviewTimer } from './ReviewTimer.tsx';
import { type ObjectiveDetail, objectivePath, useDraft, useObjective, useSaveReview } from './okr.api.ts';
import { useOkrFormat } from './okr.format.ts';

export function ReviewPage() {
  const { id } = useParams({ from: '/app/okr/objectives/$id/review' });
  const objective = useObjective(id);
  if (objective.isPending) return <PageLoader />;
  if (objective.isError) return <ErrorAlert error={objective.error} />;
  return <ReviewView key={`${id}-${objective.data.currentWeek}`} objective={objective.data} />;
}

type Row = { value: number | string; confidence: number | string; blockers: string };
const num = (v: number | string) =>
  typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v.replace(',', '.'));

/** The weekly review: a short form per key result under a visible 15-minute countdown. */
function ReviewView({ objective: o }: { objective: ObjectiveDetail }) {
  const { t } = useTranslation();
  const fmt = useOkrFormat();
  const navigate = useNavigate();
  const week = o.currentWeek;
  const existing = o.weeks.find((w) => w.weekStart === week);
  const initial: Record<string, Row> = Object.fromEntries(
    o.keyResults.map((kr) => {
      const e = existing?.entries.find((x) => x.keyResultId === kr.id);
      return [
        kr.id,
        e
          ? { value: e.value, confidence: e.confidence, blockers: e.blockers }
          : { value: kr.current ?? '', confidence: kr.confidence, blockers: '' },
      ];
    }),
  );
  const draft = useDraft<Record<string, Row>>(`review.${o.id}.${week ?? 'none'}`, initial);
  const save = useSaveReview(o.id, week ?? '');

  const back = (
    <Anchor component={Link} to={objectivePath(o.id)}>
      {t('okr.review.back')}
    </Anchor>
  );
  if (!week || !o.permissions.review) {
    return (
      <Stack>
        <PageTitle actions={back}>{t('okr.review.title')}</PageTitle>
        <Alert color="gray">{week ? t('okr.review.notAllowed') : t('okr.review.noneNow')}</Alert>
      </Stack>
    );
  }

  const setRow = (krId: string, patch: Partial<Row>) =>
    draft.set((d) => ({
      ...d,
      [krId]: { ...(d[krId] ?? { value: '', confidence: 5, blockers: '' }), ...patch },
    }));
  const issue = (i: number, field: string) => fieldError(save.error, `entries.${i}.${field}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        entries: o.keyResults.map((kr) => {
          const r = draft.value[kr.id] ?? { value: '', confidence: '', blockers: '' };
          return {
            keyResultId: kr.id,
            value: num(r.value),
            confidence: num(r.confidence),
            blockers: r.blockers,
          };
        }),
      },
      {
        onSuccess: () => {
          draft.clear();
          notifications.show({
            color: 'green',
            message: t('okr.review.saved'),
            closeButtonProps: { 'aria-label': t('ui.close') },
          });
          void navigate({ to: objectivePath(o.id) });
        },
      },
    );
  };

  return (
    <Stack>
      <PageTitle actions={back}>{t('okr.review.title')}</PageTitle>
      <Text>{t('okr.review.intro', { date: fmt.longDate(week), title: o.title })}</Text>
      <ReviewTimer />
      {draft.restored && (
        <Alert color="blue" title={t('okr.form.draftRestored')}>
          <Button variant="subtle" size="compact-sm" onClick={() => draft.clear(initial)}>
            {t('okr.form.discardDraft')}
          </Button>
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label={t('okr.review.formLabel')}>
        <Stack>
          {o.keyResults.map((kr, i) => {
            const row = draft.value[kr.id] ?? { value: '', confidence: '', blockers: '' };
            return (
              <Card withBorder key={kr.id} component="fieldset" style={{ minWidth: 0 }}>
                <Title
                  order={2}
                  size="h4"
                  component="legend"
                  style={{ overflowWrap: 'anywhere', padding: 0 }}
                >
                  {kr.metric}
                </Title>
                <Text size="sm" c="dimmed" mb="xs">
                  {t('okr.kr.values', {
                    start: fmt.number(kr.start),
                    current: kr.current === null ? t('okr.kr.noValue') : fmt.number(kr.current),
                    target: fmt.number(kr.target),
                    unit: kr.unit,
                  })}
                </Text>
                <Group grow align="flex-start" wrap="wrap">
                  <NumberInput
                    label={t('okr.review.value', { unit: kr.unit })}
                    value={row.value}
                    onChange={(v) => setRow(kr.id, { value: v })}
                    error={issue(i, 'value')}
                    decimalSeparator=","
                    required
                    miw={140}
                  />
                  <NumberInput
                    label={t('okr.review.confidence')}
                    description={t('okr.kr.confidenceHelp')}
                    value={row.confidence}
                    onChange={(v) => setRow(kr.id, { confidence: v })}
                    error={issue(i, 'confidence')}
                    allowDecimal={false}
                    required
                    miw={140}
                  />
                </Group>
                <Textarea
                  mt="sm"
                  label={t('okr.review.blockers')}
                  description={t('okr.review.blockersHelp')}
                  value={row.blockers}
                  onChange={(e) => setRow(kr.id, { blockers: e.currentTarget.value })}
                  error={issue(i, 'blockers')}
                  autosize
                  minRows={2}
                  maxLength={1000}
                />
              </Card>
            );
          })}
          <ErrorAlert
            error={save.error}
            fields={o.keyResults.flatMap((_, i) => [
              `entries.${i}.value`,
              `entries.${i}.confidence`,
              `entries.${i}.blockers`,
            ])}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {existing?.state === 'done' ? t('okr.review.update') : t('okr.review.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
