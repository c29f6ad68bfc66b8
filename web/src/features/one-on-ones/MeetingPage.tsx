import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from '../../app/translator.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import classes from '../../ui/ui.module.css';
import { ActionList } from './Actions.tsx';
import { Agenda } from './Agenda.tsx';
import { CancelDialog, MoveDialog } from './MeetingDialogs.tsx';
import { MoodCheck, PrivateNote, RatingForm, TalkTime, otherPerson, useTimeFormat } from './MeetingParts.tsx';
import { MeetingRun, stepTitleKey, steps } from './MeetingRun.tsx';
import {
  type MeetingDetail,
  seriesPath,
  useMeeting,
  useMeetingEvents,
  useStartMeeting,
} from './one-on-ones.api.ts';

export function MeetingPage() {
  const { id } = useParams({ from: '/app/one-on-ones/meetings/$id' });
  const meeting = useMeeting(id);
  useMeetingEvents(id, meeting.data !== undefined && meeting.data.status !== 'cancelled');
  if (meeting.isPending) return <PageLoader />;
  if (meeting.isError) return <ErrorAlert error={meeting.error} />;
  return <MeetingView key={id} meeting={meeting.data} updatedAt={meeting.dataUpdatedAt} />;
}

function MeetingView({ meeting, updatedAt }: { meeting: MeetingDetail; updatedAt: number }) {
  const { t } = useTranslation();
  const fmt = useTimeFormat();
  const start = useStartMeeting(meeting.id);
  const [moving, move] = useDisclosure(false);
  const [cancelling, cancel] = useDisclosure(false);
  const other = otherPerson(meeting);
  const { series } = meeting;

  return (
    <Stack>
      <PageTitle
        actions={
          <Anchor component={Link} to={seriesPath(series.id)}>
            {t('oneOnOnes.meeting.seriesLink')}
          </Anchor>
        }
      >
        {t('oneOnOnes.meeting.title', { date: fmt.dateTime(meeting.scheduledAt) })}
      </PageTitle>
      <Group gap="xs">
        <Badge variant="outline" color={meeting.status === 'cancelled' ? 'red.9' : 'blue.9'}>
          {t(`oneOnOnes.status.${meeting.status}`)}
        </Badge>
        {meeting.moved && (
          <Badge variant="outline" color="dark">
            {t('oneOnOnes.status.moved')}
          </Badge>
        )}
        <Text size="sm">
          {t('oneOnOnes.meeting.with', { name: other.name })} ·{' '}
          {t('oneOnOnes.minutes', { count: series.durationMinutes })}
          {series.location ? ` · ${series.location}` : ''}
        </Text>
        {series.videoUrl && (
          <Anchor href={series.videoUrl} target="_blank" rel="noopener noreferrer" size="sm">
            {t('oneOnOnes.meeting.join')}
          </Anchor>
        )}
      </Group>
      {meeting.moved && meeting.moveReason && (
        <Alert color="orange" variant="light">
          {t('oneOnOnes.meeting.movedNotice', {
            date: fmt.dateTime(meeting.plannedAt),
            reason: meeting.moveReason,
          })}
        </Alert>
      )}
      {meeting.status === 'cancelled' && (
        <Alert color="red" variant="light">
          {t('oneOnOnes.meeting.cancelledNotice', { reason: meeting.cancelReason ?? '' })}
        </Alert>
      )}

      {meeting.status === 'planned' && (
        <Card withBorder component="section" aria-labelledby="oo-prep">
          <Title order={2} size="h3" id="oo-prep" mb="xs">
            {t('oneOnOnes.meeting.prepTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('oneOnOnes.meeting.prepIntro')}
          </Text>
          {start.isError && <ErrorAlert error={start.error} />}
          <Group gap="sm">
            {meeting.permissions.run && (
              <Button onClick={() => start.mutate()} loading={start.isPending}>
                {t('oneOnOnes.meeting.start')}
              </Button>
            )}
            {meeting.permissions.move && (
              <Button variant="default" onClick={move.open}>
                {t('oneOnOnes.series.move')}
              </Button>
            )}
            {meeting.permissions.cancel && (
              <Button variant="default" color="red.8" onClick={cancel.open}>
                {t('oneOnOnes.cancel.submit')}
              </Button>
            )}
          </Group>
          {meeting.permissions.run && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('oneOnOnes.meeting.startHelp')}
            </Text>
          )}
        </Card>
      )}

      {meeting.status === 'in_progress' && (
        <Card withBorder component="section" aria-label={t('oneOnOnes.run.title')}>
          <MeetingRun meeting={meeting} updatedAt={updatedAt} />
        </Card>
      )}

      {meeting.status === 'held' && (
        <>
          {meeting.canRate && (
            <Card withBorder component="section" aria-labelledby={`rating-${meeting.id}`}>
              <RatingForm meeting={meeting} />
            </Card>
          )}
          <Summary meeting={meeting} updatedAt={updatedAt} />
        </>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby={`agenda-${meeting.id}`}>
          <Agenda meeting={meeting} />
        </Card>
        <Card withBorder component="section" aria-labelledby="oo-actions">
          <Title order={2} size="h3" id="oo-actions" mb={4}>
            {meeting.status === 'held' ? t('oneOnOnes.actions.decided') : t('oneOnOnes.actions.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('oneOnOnes.actions.intro')}
          </Text>
          <ActionList
            meetingId={meeting.id}
            actions={meeting.actions}
            editable={meeting.status !== 'cancelled'}
          />
        </Card>
        {meeting.status !== 'cancelled' && (
          <Card withBorder component="section" aria-label={t('oneOnOnes.mood.title')}>
            <MoodCheck meeting={meeting} />
          </Card>
        )}
        <Card withBorder component="section" aria-label={t('oneOnOnes.privateNote.title')}>
          <PrivateNote meeting={meeting} />
        </Card>
      </SimpleGrid>

      {meeting.status === 'planned' && (
        <>
          <MoveDialog
            meetingId={meeting.id}
            scheduledAt={meeting.scheduledAt}
            opened={moving}
            onClose={move.close}
          />
          <CancelDialog
            meetingId={meeting.id}
            scheduledAt={meeting.scheduledAt}
            opened={cancelling}
            onClose={cancel.close}
          />
        </>
      )}
    </Stack>
  );
}

/** After closing: the order and timing of the steps, talk time, and the shared notes. */
function Summary({ meeting, updatedAt }: { meeting: MeetingDetail; updatedAt: number }) {
  const { t } = useTranslation();
  const fmt = useTimeFormat();
  const notes = steps.filter((n) => (meeting.notes[String(n)] ?? '').trim() !== '');
  return (
    <Card withBorder component="section" aria-labelledby="oo-summary">
      <Stack gap="sm">
        <Title order={2} size="h3" id="oo-summary">
          {t('oneOnOnes.summary.title')}
        </Title>
        {meeting.closedAt && (
          <Text size="sm">{t('oneOnOnes.summary.heldOn', { date: fmt.dateTime(meeting.closedAt) })}</Text>
        )}
        <Title order={3} size="h4">
          {t('oneOnOnes.summary.steps')}
        </Title>
        {meeting.stepLog.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('oneOnOnes.summary.noSteps')}
          </Text>
        ) : (
          <Stack component="ol" gap={2} pl="md" m={0}>
            {meeting.stepLog.map((e, i) => (
              <Text component="li" size="sm" key={`${e.at}-${i}`}>
                {t(e.event === 'skip' ? 'oneOnOnes.summary.stepSkipped' : 'oneOnOnes.summary.stepEntered', {
                  time: fmt.time(e.at),
                  title: t(stepTitleKey(e.step)),
                })}
              </Text>
            ))}
          </Stack>
        )}
        <TalkTime meeting={meeting} updatedAt={updatedAt} interactive={false} />
        <Title order={3} size="h4">
          {t('oneOnOnes.summary.notes')}
        </Title>
        {notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('oneOnOnes.summary.noNotes')}
          </Text>
        ) : (
          notes.map((n) => (
            <div key={n}>
              <Title order={4} size="h5">
                {`${n}. ${t(stepTitleKey(n))}`}
              </Title>
              <Text size="sm" className={classes.preWrap}>
                {meeting.notes[String(n)]}
              </Text>
            </div>
          ))
        )}
      </Stack>
    </Card>
  );
}
