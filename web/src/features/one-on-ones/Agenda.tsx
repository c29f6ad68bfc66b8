import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import {
  type MeetingDetail,
  type Topic,
  useAddTopic,
  useDeleteTopic,
  useUpdateTopic,
} from './one-on-ones.api.ts';

type Kind = Topic['kind'];

/** Shared agenda: the report's topics first, each tagged in words (personal / professional). */
export function Agenda({ meeting, headingLevel = 2 }: { meeting: MeetingDetail; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const editable = meeting.permissions.edit;
  const groups = [
    { person: meeting.series.report, topics: meeting.topics.filter((x) => x.byReport) },
    { person: meeting.series.manager, topics: meeting.topics.filter((x) => !x.byReport) },
  ];
  return (
    <Stack gap="sm">
      <Title order={headingLevel} size="h3" id={`agenda-${meeting.id}`}>
        {t('oneOnOnes.agenda.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('oneOnOnes.agenda.intro', { name: meeting.series.report.name })}
      </Text>
      {groups.map((g) => (
        <section key={g.person.id} aria-labelledby={`topics-${g.person.id}`}>
          <Title order={(headingLevel + 1) as 3 | 4} size="h5" id={`topics-${g.person.id}`} mb={4}>
            {t('oneOnOnes.agenda.topicsOf', { name: g.person.name })}
          </Title>
          {g.topics.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('oneOnOnes.agenda.empty')}
            </Text>
          ) : (
            <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
              {g.topics.map((topic) => (
                <TopicRow key={topic.id} meetingId={meeting.id} topic={topic} editable={editable} />
              ))}
            </Stack>
          )}
        </section>
      ))}
      {editable && <AddTopicForm meetingId={meeting.id} />}
    </Stack>
  );
}

function KindControl({ value, onChange }: { value: Kind; onChange: (k: Kind) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div>
      <Text size="sm" fw={500} id={id} mb={4}>
        {t('oneOnOnes.agenda.kind')}
      </Text>
      <SegmentedControl
        aria-labelledby={id}
        value={value}
        onChange={(v) => onChange(v === 'personal' ? 'personal' : 'professional')}
        data={[
          { value: 'professional', label: t('oneOnOnes.agenda.professional') },
          { value: 'personal', label: t('oneOnOnes.agenda.personal') },
        ]}
      />
    </div>
  );
}

function TopicRow({ meetingId, topic, editable }: { meetingId: string; topic: Topic; editable: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateTopic(meetingId);
  const remove = useDeleteTopic(meetingId);
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(topic.title);
  const [kind, setKind] = useState<Kind>(topic.kind);

  if (editing) {
    const save = (event: FormEvent) => {
      event.preventDefault();
      update.mutate({ id: topic.id, title: title.trim(), kind }, { onSuccess: () => setEditing(false) });
    };
    return (
      <li>
        <form onSubmit={save} noValidate>
          <Stack gap="xs">
            <ErrorAlert error={update.error} fields={['title']} />
            <TextInput
              label={t('oneOnOnes.agenda.editTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={fieldError(update.error, 'title')}
              maxLength={300}
              required
              data-autofocus
            />
            <KindControl value={kind} onChange={setKind} />
            <Group gap="xs">
              <Button type="submit" size="xs" loading={update.isPending}>
                {t('oneOnOnes.agenda.save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                {t('oneOnOnes.agenda.cancelEdit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </li>
    );
  }

  return (
    <li>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Checkbox
          checked={topic.done}
          disabled={!editable || update.isPending}
          onChange={(e) => update.mutate({ id: topic.id, done: e.currentTarget.checked })}
          aria-label={t('oneOnOnes.agenda.doneLabel', { title: topic.title })}
          label={
            <Text span td={topic.done ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
              {topic.title}
            </Text>
          }
          styles={{ body: { alignItems: 'flex-start' } }}
        />
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          <Badge
            size="sm"
            variant="outline"
            color={topic.kind === 'personal' ? 'grape.8' : 'blue.8'}
            style={{ overflow: 'visible' }}
          >
            {t(`oneOnOnes.agenda.${topic.kind}`)}
          </Badge>
          {editable && (
            <>
              <ActionIcon
                variant="subtle"
                color="gray.8"
                aria-label={t('oneOnOnes.agenda.edit', { title: topic.title })}
                onClick={() => {
                  setTitle(topic.title);
                  setKind(topic.kind);
                  setEditing(true);
                }}
              >
                <span aria-hidden>✎</span>
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red.8"
                aria-label={t('oneOnOnes.agenda.remove', { title: topic.title })}
                loading={remove.isPending}
                onClick={() => remove.mutate(topic.id)}
              >
                <span aria-hidden>✕</span>
              </ActionIcon>
            </>
          )}
        </Group>
      </Group>
      {remove.isError && <ErrorAlert error={remove.error} />}
    </li>
  );
}

function AddTopicForm({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const add = useAddTopic(meetingId);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<Kind>('professional');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('errors.required', { field: t('oneOnOnes.agenda.newTopic') }));
      return;
    }
    setError(undefined);
    add.mutate({ title: title.trim(), kind }, { onSuccess: () => setTitle('') });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <ErrorAlert error={add.error} fields={['title', 'kind']} />
        <TextInput
          label={t('oneOnOnes.agenda.newTopic')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={error ?? fieldError(add.error, 'title')}
          maxLength={300}
          required
        />
        <Group align="flex-end" justify="space-between" gap="sm">
          <KindControl value={kind} onChange={setKind} />
          <Button type="submit" loading={add.isPending}>
            {t('oneOnOnes.agenda.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
