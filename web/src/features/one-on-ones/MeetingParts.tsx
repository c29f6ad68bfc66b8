import { Alert, Badge, Button, Group, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { SaveStatus, ScaleField, useAutosave } from './common.tsx';
import {
  type MeetingDetail,
  type Speaker,
  useRateMeeting,
  useSaveMood,
  useSavePrivateNote,
  useTalk,
} from './one-on-ones.api.ts';
import { dateFormat } from '../../ui/intl.ts';

export const otherPerson = (m: MeetingDetail) =>
  m.myRole === 'manager' ? m.series.report : m.series.manager;

/** My personal and professional mood (1–5), and the other's once recorded: the pair only. */
export function MoodCheck({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const save = useSaveMood(meeting.id);
  const mine = meeting.moods[meeting.myRole];
  const theirs = meeting.moods[meeting.myRole === 'manager' ? 'report' : 'manager'];
  const [personal, setPersonal] = useState<number | null>(mine?.personal ?? null);
  const [professional, setProfessional] = useState<number | null>(mine?.professional ?? null);
  const [error, setError] = useState<string>();
  const other = otherPerson(meeting);
  const editable = meeting.permissions.edit;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (personal === null || professional === null) {
      setError(t('oneOnOnes.mood.required'));
      return;
    }
    setError(undefined);
    save.mutate({ personal, professional });
  };

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('oneOnOnes.mood.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('oneOnOnes.mood.intro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} fields={['personal', 'professional']} />
          <ScaleField
            label={t('oneOnOnes.mood.personal')}
            valuesKey="oneOnOnes.mood"
            value={personal}
            onChange={setPersonal}
            disabled={!editable}
            error={error && personal === null ? error : undefined}
          />
          <ScaleField
            label={t('oneOnOnes.mood.professional')}
            valuesKey="oneOnOnes.mood"
            value={professional}
            onChange={setProfessional}
            disabled={!editable}
            error={error && professional === null ? error : undefined}
          />
          {editable && (
            <Group gap="sm">
              <Button type="submit" variant="outline" loading={save.isPending}>
                {t('oneOnOnes.mood.save')}
              </Button>
              <Text size="sm" role="status" aria-live="polite">
                {save.isSuccess ? t('oneOnOnes.mood.saved') : ''}
              </Text>
            </Group>
          )}
        </Stack>
      </form>
      <Text size="sm">
        <Text span fw={600}>
          {t('oneOnOnes.mood.other', { name: other.name })}
        </Text>{' '}
        {theirs
          ? t('oneOnOnes.mood.values', { personal: theirs.personal, professional: theirs.professional })
          : t('oneOnOnes.mood.otherNone', { name: other.name })}
      </Text>
    </Stack>
  );
}

/** The author's own note: never sent to anyone else, which the label says in words. */
export function PrivateNote({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const save = useSavePrivateNote(meeting.id);
  const note = useAutosave(meeting.myPrivateNote, (body) => save.mutateAsync(body));
  return (
    <Stack gap="xs">
      <Group gap="xs" align="center">
        <Title order={2} size="h3">
          {t('oneOnOnes.privateNote.title')}
        </Title>
        <Badge color="dark" variant="outline">
          {t('oneOnOnes.privateNote.badge')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" id={`private-help-${meeting.id}`}>
        {t('oneOnOnes.privateNote.notice', { name: otherPerson(meeting).name })}
      </Text>
      <Textarea
        label={t('oneOnOnes.privateNote.label')}
        aria-describedby={`private-help-${meeting.id}`}
        value={note.value}
        onChange={(e) => note.setValue(e.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={20000}
      />
      <SaveStatus state={note.state} error={note.error} />
    </Stack>
  );
}

/** Share of talk time; the running turn is added locally so the figures move while someone speaks. */
export function TalkTime({
  meeting,
  updatedAt,
  interactive,
}: {
  meeting: MeetingDetail;
  updatedAt: number;
  interactive: boolean;
}) {
  const { t } = useTranslation();
  const talk = useTalk(meeting.id);
  const [now, setNow] = useState(() => Date.now());
  const speaking = meeting.talkTime.speaking;
  useEffect(() => {
    if (!speaking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [speaking]);
  const running = speaking ? Math.max(0, now - updatedAt) : 0;
  const managerMs = meeting.talkTime.managerMs + (speaking === 'manager' ? running : 0);
  const reportMs = meeting.talkTime.reportMs + (speaking === 'report' ? running : 0);
  const total = managerMs + reportMs;
  const managerShare = total > 0 ? Math.round((managerMs / total) * 100) : 0;
  const { manager, report } = meeting.series;
  const mine: Speaker = meeting.myRole;
  const button = (speaker: Speaker, label: string) => (
    <Button
      size="lg"
      variant={speaking === speaker ? 'filled' : 'outline'}
      aria-pressed={speaking === speaker}
      onClick={() => talk.mutate(speaker)}
      style={{ flex: '1 1 12rem' }}
    >
      {label}
    </Button>
  );
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('oneOnOnes.talk.title')}
      </Title>
      {interactive && (
        <>
          <Text size="sm" c="dimmed">
            {t('oneOnOnes.talk.intro')}
          </Text>
          <Group gap="sm" grow={false} wrap="wrap">
            {mine === 'report'
              ? button('manager', t('oneOnOnes.talk.myManager'))
              : button('report', t('oneOnOnes.talk.other', { name: report.name }))}
            {button(mine, t('oneOnOnes.talk.me'))}
          </Group>
          <Button variant="default" onClick={() => talk.mutate(null)} disabled={!speaking} w="fit-content">
            {t('oneOnOnes.talk.stop')}
          </Button>
          {talk.isError && <ErrorAlert error={talk.error} />}
        </>
      )}
      {total > 0 ? (
        <>
          <Progress
            value={managerShare}
            size="lg"
            aria-label={t('oneOnOnes.talk.barLabel', { name: manager.name })}
          />
          <Text size="sm">
            {t('oneOnOnes.talk.share', {
              manager: manager.name,
              report: report.name,
              managerShare,
              reportShare: 100 - managerShare,
            })}
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('oneOnOnes.talk.notMeasured')}
        </Text>
      )}
    </Stack>
  );
}

const ratingQuestions = ['structured', 'useful', 'couldSpeak'] as const;

/** The report's three 1–5 answers; the text explains who can see what. */
export function RatingForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const rate = useRateMeeting(meeting.id);
  const [answers, setAnswers] = useState<Record<(typeof ratingQuestions)[number], number | null>>({
    structured: null,
    useful: null,
    couldSpeak: null,
  });
  const [error, setError] = useState<string>();
  if (rate.isSuccess) {
    return (
      <Alert color="green" role="status">
        {t('oneOnOnes.rating.thanks')}
      </Alert>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { structured, useful, couldSpeak } = answers;
    if (structured === null || useful === null || couldSpeak === null) {
      setError(t('oneOnOnes.rating.required'));
      return;
    }
    setError(undefined);
    rate.mutate({ structured, useful, couldSpeak });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`rating-${meeting.id}`}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={`rating-${meeting.id}`}>
          {t('oneOnOnes.rating.title')}
        </Title>
        <Text size="sm">{t('oneOnOnes.rating.intro', { k: me.organisation.kThreshold })}</Text>
        <ErrorAlert error={rate.error} fields={ratingQuestions} />
        {ratingQuestions.map((q) => (
          <ScaleField
            key={q}
            label={t(`oneOnOnes.rating.${q}`)}
            valuesKey="oneOnOnes.rating"
            value={answers[q]}
            onChange={(v) => setAnswers((a) => ({ ...a, [q]: v }))}
            error={error && answers[q] === null ? error : undefined}
          />
        ))}
        <Button type="submit" loading={rate.isPending} w="fit-content">
          {t('oneOnOnes.rating.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function useTimeFormat() {
  const { i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.resolvedLanguage ?? 'fr';
  return {
    ...fmt,
    time: (iso: string) => dateFormat(lang, { timeStyle: 'short' }).format(new Date(iso)),
  };
}
