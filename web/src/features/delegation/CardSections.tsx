import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import uiClasses from '../../ui/ui.module.css';
import {
  type CardDetail,
  type CheckpointState,
  LEVELS,
  type ValidationRequest,
  useAddCheckpoint,
  useAnswerValidation,
  useBravo,
  useCheckpointStatus,
  usePostMessage,
  useRaiseLevel,
  useRequestValidation,
} from './delegation.api.ts';
import classes from './delegation.module.css';
import { Panel, todayIso, useAgo, useDay, useLevelLabel } from './parts.tsx';

/** Questions before accepting, and the delegator's answers, on the card for both to see. */
export function Thread({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const ago = useAgo();
  const fmt = useFormat();
  const post = usePostMessage(card.id);
  const [body, setBody] = useState('');
  const canWrite = card.permissions.respond;
  const asAssignee = card.myRole === 'assignee';
  return (
    <Panel title={t('delegation.thread.title')} intro={t('delegation.thread.intro')}>
      <Stack gap="sm">
        {card.messages.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('delegation.thread.empty')}
          </Text>
        )}
        {card.messages.length > 0 && (
          <Stack component="ol" gap="xs" className={classes.plainList}>
            {card.messages.map((m) => (
              <Card
                component="li"
                key={m.id}
                padding="sm"
                bg={m.kind === 'answer' ? 'blue.0' : 'gray.0'}
                ml={m.kind === 'answer' ? { base: 0, sm: 'xl' } : 0}
              >
                <Group gap={6} wrap="wrap" mb={2}>
                  <Text size="sm" fw={600}>
                    {m.author.name}
                  </Text>
                  <Badge
                    size="sm"
                    variant="light"
                    color={m.kind === 'answer' ? 'blue' : 'gray'}
                    c="gray.9"
                    tt="none"
                  >
                    {t(`delegation.thread.kind.${m.kind}`)}
                  </Badge>
                  <Text
                    size="xs"
                    c="dimmed"
                    component="time"
                    dateTime={m.createdAt}
                    title={fmt.dateTime(m.createdAt)}
                  >
                    {ago(m.createdAt)}
                  </Text>
                </Group>
                <Text size="sm" className={uiClasses.preWrap}>
                  {m.body}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
        {canWrite && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!body.trim()) return;
              post.mutate(body, { onSuccess: () => setBody('') });
            }}
            noValidate
          >
            <Stack gap="xs">
              <Textarea
                label={asAssignee ? t('delegation.thread.question') : t('delegation.thread.answer')}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                error={fieldError(post.error, 'body')}
                autosize
                minRows={2}
                maxLength={2000}
              />
              <ErrorAlert error={post.error} fields={['body']} />
              <Button
                type="submit"
                variant="light"
                loading={post.isPending}
                w="fit-content"
                disabled={!body.trim()}
              >
                {asAssignee ? t('delegation.thread.sendQuestion') : t('delegation.thread.sendAnswer')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Panel>
  );
}

const statusColor: Record<CheckpointState, string> = {
  on_track: 'green',
  at_risk: 'orange',
  off_track: 'red',
};

/** Fixed-date reviews: the assignee posts a short status; a date passed without one shows as missed. */
export function CheckpointSection({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const day = useDay();
  const fmt = useFormat();
  const canPost = card.permissions.act && (card.status === 'accepted' || card.status === 'in_progress');
  const open = card.checkpoints.filter((c) => c.status === null);
  return (
    <Panel title={t('delegation.checkpoints.title')} intro={t('delegation.checkpoints.intro')}>
      <Stack gap="sm">
        {card.checkpoints.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('delegation.checkpoints.empty')}
          </Text>
        )}
        {card.checkpoints.length > 0 && (
          <Stack component="ul" gap="xs" className={classes.plainList}>
            {card.checkpoints.map((c) => (
              <Card
                component="li"
                key={c.id}
                withBorder
                padding="sm"
                className={c.missed ? classes.missed : undefined}
              >
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {day(c.dueOn)}
                  </Text>
                  {c.status ? (
                    <Badge variant="light" color={statusColor[c.status]} c="gray.9" tt="none">
                      {t(`delegation.checkpoints.status.${c.status}`)}
                    </Badge>
                  ) : c.missed ? (
                    <Badge variant="filled" color="red.9" tt="none">
                      {t('delegation.checkpoints.missed')}
                    </Badge>
                  ) : (
                    <Badge variant="light" color="gray" tt="none">
                      {t('delegation.checkpoints.upcoming')}
                    </Badge>
                  )}
                </Group>
                {c.note && (
                  <Text size="sm" mt={4} className={uiClasses.preWrap}>
                    {c.note}
                  </Text>
                )}
                {c.postedAt && c.postedBy && (
                  <Text size="xs" c="dimmed" mt={2}>
                    {t('delegation.checkpoints.postedBy', {
                      name: c.postedBy.name,
                      date: fmt.dateTime(c.postedAt),
                    })}
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
        )}
        {canPost && open.length > 0 && <PostStatus card={card} />}
        {card.permissions.edit && card.status !== 'done' && card.status !== 'declined' && (
          <AddCheckpoint card={card} />
        )}
      </Stack>
    </Panel>
  );
}

function PostStatus({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const day = useDay();
  const post = useCheckpointStatus(card.id);
  const open = card.checkpoints.filter((c) => c.status === null);
  const [checkpointId, setCheckpointId] = useState(open[0]?.id ?? '');
  const [status, setStatus] = useState<CheckpointState | ''>('');
  const [note, setNote] = useState('');
  const selected = open.some((c) => c.id === checkpointId) ? checkpointId : (open[0]?.id ?? '');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!status || !selected) return;
        post.mutate(
          { checkpointId: selected, status, note },
          {
            onSuccess: () => {
              setStatus('');
              setNote('');
            },
          },
        );
      }}
      noValidate
    >
      <Card withBorder padding="sm" bg="gray.0">
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('delegation.checkpoints.postTitle')}
          </Text>
          {open.length > 1 && (
            <NativeSelect
              label={t('delegation.checkpoints.which')}
              value={selected}
              onChange={(e) => setCheckpointId(e.currentTarget.value)}
              data={open.map((c) => ({ value: c.id, label: day(c.dueOn) }))}
            />
          )}
          <Radio.Group
            label={
              open.length > 1
                ? t('delegation.checkpoints.state')
                : t('delegation.checkpoints.stateOf', { date: day(open[0]!.dueOn) })
            }
            value={status}
            onChange={(v) => setStatus(v as CheckpointState)}
            error={fieldError(post.error, 'status')}
          >
            <Group gap="md" mt={6}>
              {(['on_track', 'at_risk', 'off_track'] as const).map((s) => (
                <Radio key={s} value={s} label={t(`delegation.checkpoints.status.${s}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('delegation.checkpoints.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(post.error, 'note')}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <ErrorAlert error={post.error} fields={['status', 'note']} />
          <Button type="submit" loading={post.isPending} w="fit-content" disabled={!status}>
            {t('delegation.checkpoints.post')}
          </Button>
        </Stack>
      </Card>
    </form>
  );
}

function AddCheckpoint({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const add = useAddCheckpoint(card.id);
  const [dueOn, setDueOn] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (dueOn) add.mutate(dueOn, { onSuccess: () => setDueOn('') });
      }}
      noValidate
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          type="date"
          label={t('delegation.checkpoints.add')}
          value={dueOn}
          min={todayIso()}
          max={card.dueOn.slice(0, 10)}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          error={
            fieldError(add.error, 'dueOn') ??
            (add.error && !fieldError(add.error, 'dueOn') ? add.error.message : undefined)
          }
          w={{ base: '100%', xs: 220 }}
        />
        <Button type="submit" variant="light" loading={add.isPending} disabled={!dueOn}>
          {t('delegation.checkpoints.addSubmit')}
        </Button>
      </Group>
    </form>
  );
}

/** Each request for validation is kept with its answer: these are what the autonomy indicator counts. */
export function ValidationSection({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const canAsk = card.permissions.act && (card.status === 'accepted' || card.status === 'in_progress');
  if (card.validations.length === 0 && !canAsk) return null;
  return (
    <Panel title={t('delegation.validations.title')} intro={t('delegation.validations.intro')}>
      <Stack gap="sm">
        {card.validations.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('delegation.validations.empty')}
          </Text>
        )}
        {card.validations.length > 0 && (
          <Stack component="ul" gap="xs" className={classes.plainList}>
            {card.validations.map((v) => (
              <ValidationItem key={v.id} card={card} validation={v} />
            ))}
          </Stack>
        )}
        {canAsk && <AskValidation card={card} />}
      </Stack>
    </Panel>
  );
}

function ValidationItem({ card, validation: v }: { card: CardDetail; validation: ValidationRequest }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const answer = useAnswerValidation(card.id);
  const [note, setNote] = useState('');
  const color = v.answer === 'approved' ? 'green' : v.answer === 'changes_requested' ? 'orange' : 'yellow';
  return (
    <Card component="li" withBorder padding="sm">
      <Group gap={6} wrap="wrap" justify="space-between">
        <Text size="sm" fw={600} className={uiClasses.preWrap} style={{ flex: '1 1 12rem' }}>
          {v.step}
        </Text>
        <Badge variant="light" color={color} c="gray.9" tt="none">
          {t(`delegation.validations.answer.${v.answer ?? 'pending'}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t('delegation.validations.askedBy', { name: v.askedBy.name, date: fmt.dateTime(v.askedAt) })}
      </Text>
      {v.answer && v.answeredBy && v.answeredAt && (
        <Text size="sm" mt={4}>
          {t('delegation.validations.answeredBy', {
            name: v.answeredBy.name,
            date: fmt.dateTime(v.answeredAt),
          })}
          {v.answerNote && (
            <Text component="span" className={uiClasses.preWrap}>
              {` — ${v.answerNote}`}
            </Text>
          )}
        </Text>
      )}
      {!v.answer && card.permissions.answer && (
        <Stack gap="xs" mt="xs">
          <Textarea
            label={t('delegation.validations.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(answer.error, 'note')}
            autosize
            minRows={1}
            maxLength={1000}
          />
          <ErrorAlert error={answer.error} fields={['note']} />
          <Group gap="sm">
            <Button
              size="sm"
              loading={answer.isPending && answer.variables?.answer === 'approved'}
              onClick={() => answer.mutate({ validationId: v.id, answer: 'approved', note })}
            >
              {t('delegation.validations.approve')}
            </Button>
            <Button
              size="sm"
              variant="default"
              loading={answer.isPending && answer.variables?.answer === 'changes_requested'}
              onClick={() => answer.mutate({ validationId: v.id, answer: 'changes_requested', note })}
            >
              {t('delegation.validations.requestChanges')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

function AskValidation({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const ask = useRequestValidation(card.id);
  const [step, setStep] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (step.trim()) ask.mutate(step, { onSuccess: () => setStep('') });
      }}
      noValidate
    >
      <Stack gap="xs">
        <TextInput
          label={t('delegation.validations.step')}
          description={t('delegation.validations.stepHelp')}
          value={step}
          onChange={(e) => setStep(e.currentTarget.value)}
          error={fieldError(ask.error, 'step')}
          maxLength={500}
        />
        <ErrorAlert error={ask.error} fields={['step']} />
        <Button type="submit" variant="light" loading={ask.isPending} w="fit-content" disabled={!step.trim()}>
          {t('delegation.validations.ask')}
        </Button>
      </Stack>
    </form>
  );
}

/** After the debrief, the delegator can raise the person's level in the card's domain: current → proposed. */
export function RaiseLevel({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const levelLabel = useLevelLabel();
  const raise = useRaiseLevel(card);
  const current = card.assigneeDomainLevel;
  const proposed = Math.min(7, Math.max(card.level, (current ?? 0) + 1));
  const [level, setLevel] = useState(String(proposed));
  const [reason, setReason] = useState(() => t('delegation.raise.defaultReason', { outcome: card.outcome }));
  const [raisedTo, setRaisedTo] = useState<number | null>(null);
  if (!card.permissions.raiseLevel || !card.debrief || !card.domain) return null;
  const domain = card.domain;
  if (raisedTo !== null) {
    return (
      <Alert color="blue" variant="light" role="status" title={t('delegation.raise.doneTitle')}>
        {t('delegation.raise.done', {
          name: card.assignee.name,
          domain: domain.name,
          level: levelLabel(raisedTo),
        })}
      </Alert>
    );
  }
  if (current === 7) return null;
  const choices = LEVELS.filter((l) => l > (current ?? 0));
  return (
    <Panel
      title={t('delegation.raise.title', { domain: domain.name })}
      intro={t('delegation.raise.intro', { name: card.assignee.name })}
      highlight
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const to = Number(level);
          raise.mutate(
            { domainId: domain.id, level: to, reason, cardId: card.id },
            {
              onSuccess: () => {
                setRaisedTo(to);
                notifications.show({
                  message: t('delegation.raise.doneTitle'),
                  color: 'green',
                  closeButtonProps: { 'aria-label': t('ui.close') },
                });
              },
            },
          );
        }}
        noValidate
      >
        <Stack gap="sm">
          <Group gap="sm" wrap="wrap" align="center">
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('delegation.raise.current')}
              </Text>
              <Text fw={600}>{current === null ? t('delegation.raise.noLevel') : levelLabel(current)}</Text>
            </Stack>
            <Text aria-hidden fz="xl" c="blue.8">
              →
            </Text>
            <NativeSelect
              label={t('delegation.raise.proposed')}
              value={level}
              onChange={(e) => setLevel(e.currentTarget.value)}
              data={choices.map((l) => ({ value: String(l), label: levelLabel(l) }))}
              error={fieldError(raise.error, 'level')}
            />
          </Group>
          <Text size="sm" c="dimmed">
            {t(`delegation.levels.${level}.meaning`)}
          </Text>
          <Textarea
            label={t('delegation.raise.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError(raise.error, 'reason')}
            autosize
            minRows={2}
            maxLength={1000}
          />
          <ErrorAlert error={raise.error} fields={['level', 'reason']} />
          <Button type="submit" loading={raise.isPending} w="fit-content" disabled={!reason.trim()}>
            {t('delegation.raise.submit', { level: levelLabel(Number(level)) })}
          </Button>
        </Stack>
      </form>
    </Panel>
  );
}

/** Public credit, visible to the team and linked to this card. */
export function BravoSection({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const ago = useAgo();
  const bravo = useBravo(card.id);
  const [message, setMessage] = useState('');
  if (card.bravos.length === 0 && !card.permissions.bravo) return null;
  return (
    <Panel
      title={t('delegation.bravo.title')}
      intro={t('delegation.bravo.intro', { name: card.assignee.name })}
    >
      <Stack gap="sm">
        {card.bravos.length > 0 && (
          <Stack component="ul" gap="xs" className={classes.plainList}>
            {card.bravos.map((b) => (
              <Card component="li" key={b.id} padding="sm" bg="green.0">
                <Text size="sm" fw={600}>
                  {t('delegation.bravo.fromTo', { from: b.from.name, to: b.to.name })}
                  <Text component="span" size="xs" c="dimmed" fw={400} ml={6}>
                    {ago(b.createdAt)}
                  </Text>
                </Text>
                <Text size="sm" className={uiClasses.preWrap}>
                  {b.message}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
        {card.permissions.bravo && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (message.trim()) bravo.mutate(message, { onSuccess: () => setMessage('') });
            }}
            noValidate
          >
            <Stack gap="xs">
              <Textarea
                label={t('delegation.bravo.message')}
                value={message}
                onChange={(e) => setMessage(e.currentTarget.value)}
                error={fieldError(bravo.error, 'message')}
                autosize
                minRows={2}
                maxLength={500}
              />
              <ErrorAlert error={bravo.error} fields={['message']} />
              <Button
                type="submit"
                variant="light"
                loading={bravo.isPending}
                w="fit-content"
                disabled={!message.trim()}
              >
                {t('delegation.bravo.send')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Panel>
  );
}
