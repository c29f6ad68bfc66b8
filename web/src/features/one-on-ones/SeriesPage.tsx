import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useFormat } from '../../ui/format.ts';
import classes from '../../ui/ui.module.css';
import { ActionList } from './Actions.tsx';
import { CancelDialog, MoveDialog } from './MeetingDialogs.tsx';
import { cadenceLabelKey } from './common.tsx';
import {
  type MeetingSummary,
  type SeriesDetail,
  meetingPath,
  useMeeting,
  useSeries,
  useUpdateSeries,
} from './one-on-ones.api.ts';

export function SeriesPage() {
  const { id } = useParams({ from: '/app/one-on-ones/series/$id' });
  const series = useSeries(id);
  if (series.isPending) return <PageLoader />;
  if (series.isError) return <ErrorAlert error={series.error} />;
  return <SeriesView key={id} series={series.data} />;
}

function SeriesView({ series }: { series: SeriesDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const other = series.manager.id === me.person.id ? series.report : series.manager;
  const [dialog, setDialog] = useState<{ kind: 'move' | 'cancel'; meeting: MeetingSummary } | null>(null);

  return (
    <Stack>
      <PageTitle
        actions={
          <Anchor component={Link} to="/one-on-ones">
            {t('oneOnOnes.back')}
          </Anchor>
        }
      >
        {t('oneOnOnes.series.title', { name: other.name })}
      </PageTitle>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SettingsCard series={series} />
        <StatsCard series={series} />
      </SimpleGrid>

      <Card withBorder component="section" aria-labelledby="oo-timeline">
        <Title order={2} size="h3" id="oo-timeline" mb="sm">
          {t('oneOnOnes.series.timeline')}
        </Title>
        <Timeline series={series} onAction={(kind, meeting) => setDialog({ kind, meeting })} />
      </Card>

      <Card withBorder component="section" aria-labelledby="oo-open-actions">
        <Title order={2} size="h3" id="oo-open-actions" mb="sm">
          {t('oneOnOnes.series.openActions')}
        </Title>
        {series.nextMeeting ? (
          <OpenActions meetingId={series.nextMeeting.id} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('oneOnOnes.list.openActions', { count: series.openActions })}
          </Text>
        )}
      </Card>

      {dialog?.kind === 'move' && (
        <MoveDialog
          meetingId={dialog.meeting.id}
          scheduledAt={dialog.meeting.scheduledAt}
          opened
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'cancel' && (
        <CancelDialog
          meetingId={dialog.meeting.id}
          scheduledAt={dialog.meeting.scheduledAt}
          opened
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}

function OpenActions({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const meeting = useMeeting(meetingId);
  if (meeting.isPending) return <PageLoader />;
  if (meeting.isError) return <ErrorAlert error={meeting.error} />;
  return (
    <ActionList
      meetingId={meetingId}
      actions={meeting.data.actions.filter((a) => !a.done)}
      editable={meeting.data.permissions.edit}
      emptyText={t('oneOnOnes.series.noOpenActions')}
    />
  );
}

function SettingsCard({ series }: { series: SeriesDetail }) {
  const { t } = useTranslation();
  const update = useUpdateSeries(series.id);
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({
    durationMinutes: series.durationMinutes as number | string,
    location: series.location,
    videoUrl: series.videoUrl,
    active: series.active,
  });
  // The value is read before the state update: React clears the event's currentTarget after dispatch.
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const [durationError, setDurationError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const duration = Number(form.durationMinutes);
    if (!Number.isInteger(duration) || duration < 15 || duration > 120) {
      setDurationError(t('oneOnOnes.plan.durationRange'));
      return;
    }
    setDurationError(undefined);
    update.mutate(
      {
        durationMinutes: duration,
        location: form.location,
        videoUrl: form.videoUrl.trim(),
        active: form.active,
      },
      {
        onSuccess: () => {
          setEditing(false);
          notifications.show({
            message: t('oneOnOnes.series.saved'),
            color: 'green',
            closeButtonProps: { 'aria-label': t('ui.close') },
          });
        },
      },
    );
  };

  return (
    <Card withBorder component="section" aria-labelledby="oo-settings">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="oo-settings">
          {t('oneOnOnes.series.settings')}
        </Title>
        {series.permissions.update && !editing && (
          <Button variant="default" size="xs" onClick={() => setEditing(true)}>
            {t('oneOnOnes.series.edit')}
          </Button>
        )}
      </Group>
      {editing ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <ErrorAlert error={update.error} fields={['durationMinutes', 'location', 'videoUrl', 'active']} />
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
              error={durationError ?? fieldError(update.error, 'durationMinutes')}
            />
            <TextInput
              label={t('oneOnOnes.plan.location')}
              value={form.location}
              onChange={(e) => set('location', e.currentTarget.value)}
              error={fieldError(update.error, 'location')}
              maxLength={200}
            />
            <TextInput
              type="url"
              label={t('oneOnOnes.plan.videoUrl')}
              value={form.videoUrl}
              onChange={(e) => set('videoUrl', e.currentTarget.value)}
              error={fieldError(update.error, 'videoUrl')}
              maxLength={500}
            />
            <Switch
              label={t('oneOnOnes.series.activeLabel')}
              description={t('oneOnOnes.series.activeHelp')}
              checked={form.active}
              onChange={(e) => set('active', e.currentTarget.checked)}
            />
            <Group gap="sm">
              <Button type="submit" loading={update.isPending}>
                {t('oneOnOnes.series.save')}
              </Button>
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('oneOnOnes.series.cancelEdit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <dl className={classes.details}>
          <dt>{t('oneOnOnes.series.cadence')}</dt>
          <dd>{t(cadenceLabelKey(series.cadenceWeeks))}</dd>
          <dt>{t('oneOnOnes.series.duration')}</dt>
          <dd>{t('oneOnOnes.minutes', { count: series.durationMinutes })}</dd>
          <dt>{t('oneOnOnes.series.location')}</dt>
          <dd>{series.location || t('oneOnOnes.notSet')}</dd>
          <dt>{t('oneOnOnes.series.videoUrl')}</dt>
          <dd>
            {series.videoUrl ? (
              <Anchor href={series.videoUrl} target="_blank" rel="noopener noreferrer">
                {series.videoUrl}
              </Anchor>
            ) : (
              t('oneOnOnes.notSet')
            )}
          </dd>
          <dt>{t('oneOnOnes.series.state')}</dt>
          <dd>{series.active ? t('oneOnOnes.series.active') : t('oneOnOnes.series.paused')}</dd>
        </dl>
      )}
    </Card>
  );
}

function StatsCard({ series }: { series: SeriesDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const c = series.cadence;
  return (
    <Card withBorder component="section" aria-labelledby="oo-stats">
      <Title order={2} size="h3" id="oo-stats" mb="xs">
        {t('oneOnOnes.series.stats')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('oneOnOnes.series.statsIntro')}
      </Text>
      <CadenceFigures stats={c} fmt={fmt} />
    </Card>
  );
}

/** The same figures as the hierarchy's cadence report, as a definition list. */
export function CadenceFigures({
  stats: c,
  fmt,
}: {
  stats: SeriesDetail['cadence'];
  fmt: ReturnType<typeof useFormat>;
}) {
  const { t } = useTranslation();
  return (
    <dl className={classes.details}>
      <dt>{t('oneOnOnes.series.due')}</dt>
      <dd>{fmt.number(c.due)}</dd>
      <dt>{t('oneOnOnes.series.kept')}</dt>
      <dd>
        {c.keptRate === null
          ? t('oneOnOnes.none')
          : t('oneOnOnes.series.keptValue', {
              percent: fmt.number(Math.round(c.keptRate * 100)),
              count: c.heldOnPlannedDate,
            })}
      </dd>
      <dt>{t('oneOnOnes.series.heldAfterMove')}</dt>
      <dd>{fmt.number(c.heldAfterMove)}</dd>
      <dt>{t('oneOnOnes.series.moved')}</dt>
      <dd>{fmt.number(c.moved)}</dd>
      <dt>{t('oneOnOnes.series.cancelled')}</dt>
      <dd>{fmt.number(c.cancelled)}</dd>
      <dt>{t('oneOnOnes.series.interval')}</dt>
      <dd>
        {c.averageIntervalDays === null
          ? t('oneOnOnes.none')
          : t('oneOnOnes.series.intervalValue', {
              value: fmt.number(Math.round(c.averageIntervalDays * 10) / 10),
            })}
      </dd>
    </dl>
  );
}

function Timeline({
  series,
  onAction,
}: {
  series: SeriesDetail;
  onAction: (kind: 'move' | 'cancel', m: MeetingSummary) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (series.meetings.length === 0) {
    return <Alert color="gray">{t('oneOnOnes.series.timelineEmpty')}</Alert>;
  }
  return (
    <Stack
      component="ol"
      gap="xs"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('oneOnOnes.series.timelineLabel')}
    >
      {series.meetings.map((m) => {
        const date = fmt.dateTime(m.scheduledAt);
        const upcoming = m.status === 'planned';
        return (
          <Card component="li" key={m.id} withBorder padding="sm">
            <Group justify="space-between" align="flex-start" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Anchor
                    component={Link}
                    to={meetingPath(m.id)}
                    fw={500}
                    aria-label={t('oneOnOnes.series.open', { date })}
                  >
                    {date}
                  </Anchor>
                  <Badge
                    size="sm"
                    variant="outline"
                    color={m.status === 'cancelled' ? 'red.9' : m.status === 'held' ? 'teal.9' : 'blue.9'}
                  >
                    {t(`oneOnOnes.status.${m.status}`)}
                  </Badge>
                  {m.moved && (
                    <Badge size="sm" variant="outline" color="dark">
                      {t('oneOnOnes.status.moved')}
                    </Badge>
                  )}
                </Group>
                {m.moved && (
                  <Text size="sm" c="dimmed">
                    {t('oneOnOnes.series.plannedFor', { date: fmt.dateTime(m.plannedAt) })}
                  </Text>
                )}
                {m.moveReason && (
                  <Text size="sm">{t('oneOnOnes.series.reason', { reason: m.moveReason })}</Text>
                )}
                {m.cancelReason && (
                  <Text size="sm">{t('oneOnOnes.series.reason', { reason: m.cancelReason })}</Text>
                )}
              </div>
              {upcoming && series.active && (
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onAction('move', m)}
                    aria-label={t('oneOnOnes.series.moveNamed', { date })}
                  >
                    {t('oneOnOnes.series.move')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    color="red.8"
                    onClick={() => onAction('cancel', m)}
                    aria-label={t('oneOnOnes.series.cancelNamed', { date })}
                  >
                    {t('oneOnOnes.series.cancel')}
                  </Button>
                </Group>
              )}
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
