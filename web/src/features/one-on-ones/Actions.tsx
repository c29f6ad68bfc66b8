import { Badge, Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { type ActionItem, type ActionKind, useAddAction, useUpdateAction } from './one-on-ones.api.ts';

interface ActionListProps {
  meetingId: string;
  actions: ActionItem[];
  editable: boolean;
  emptyText?: string;
}

/** Each action with its owner, due date and kind in words; overdue ones say so in text, not only in red. */
export function ActionList({ meetingId, actions, editable, emptyText }: ActionListProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const update = useUpdateAction(meetingId);
  if (actions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText ?? t('oneOnOnes.actions.empty')}
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {update.isError && <ErrorAlert error={update.error} />}
      {actions.map((a) => (
        <li key={a.id}>
          <Checkbox
            checked={a.done}
            disabled={!editable || update.isPending}
            onChange={(e) => update.mutate({ id: a.id, done: e.currentTarget.checked })}
            label={
              <Text span td={a.done ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
                {a.title}
              </Text>
            }
            aria-describedby={`action-meta-${a.id}`}
            styles={{ body: { alignItems: 'flex-start' } }}
          />
          <Group gap={6} ml={32} mt={2} id={`action-meta-${a.id}`} wrap="wrap">
            {a.overdue && !a.done && (
              <Badge color="red.8" variant="filled" size="sm">
                {t('oneOnOnes.actions.overdue')}
              </Badge>
            )}
            <Badge color="gray.8" variant="outline" size="sm">
              {t(`oneOnOnes.actions.kinds.${a.kind}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('oneOnOnes.actions.owner', { name: a.owner.name })} ·{' '}
              {a.dueOn
                ? t('oneOnOnes.actions.due', { date: fmt.date(a.dueOn) })
                : t('oneOnOnes.actions.noDue')}{' '}
              · {t('oneOnOnes.actions.decidedOn', { date: fmt.date(a.originPlannedAt) })}
            </Text>
          </Group>
        </li>
      ))}
    </Stack>
  );
}

interface AddActionFormProps {
  meetingId: string;
  kind: ActionKind;
  /** People who may own it; a single one hides the choice. */
  owners: { id: string; name: string }[];
  /** Visible name of the group (one form per step, so the names differ). */
  legend: string;
}

export function AddActionForm({ meetingId, kind, owners, legend }: AddActionFormProps) {
  const { t } = useTranslation();
  const add = useAddAction(meetingId);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState(owners[0]?.id ?? '');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('errors.required', { field: t('oneOnOnes.actions.newAction') }));
      return;
    }
    setError(undefined);
    add.mutate(
      { title: title.trim(), ownerId, dueOn: dueOn || null, kind },
      {
        onSuccess: () => {
          setTitle('');
          setDueOn('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={legend}>
      <Stack gap="xs">
        <ErrorAlert error={add.error} fields={['title', 'dueOn', 'ownerId']} />
        <TextInput
          label={t('oneOnOnes.actions.newAction')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={error ?? fieldError(add.error, 'title')}
          maxLength={300}
          required
        />
        <Group grow align="flex-start" wrap="wrap">
          {owners.length > 1 && (
            <NativeSelect
              label={t('oneOnOnes.actions.ownerLabel')}
              value={ownerId}
              onChange={(e) => setOwnerId(e.currentTarget.value)}
              data={owners.map((o) => ({ value: o.id, label: o.name }))}
              miw={160}
            />
          )}
          <TextInput
            type="date"
            label={t('oneOnOnes.actions.dueOn')}
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            error={fieldError(add.error, 'dueOn')}
            miw={160}
          />
        </Group>
        <Button type="submit" variant="outline" loading={add.isPending} w="fit-content">
          {t('oneOnOnes.actions.add')}
        </Button>
      </Stack>
    </form>
  );
}
