import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Radio,
  Stack,
  Switch,
  Text,
  Textarea,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useFormat } from '../../ui/format.ts';
import uiClasses from '../../ui/ui.module.css';
import classes from './delegation.module.css';
import {
  type CardDetail,
  useAccept,
  useCard,
  useComplete,
  useDebrief,
  useDecline,
  useStart,
} from './delegation.api.ts';
import { AlertBanner, AlertPanel } from './CardAlert.tsx';
import { BravoSection, CheckpointSection, RaiseLevel, Thread, ValidationSection } from './CardSections.tsx';
import { EditCard, type EditOutcome } from './EditCard.tsx';
import { LevelBadge, Panel, StatusBadge, StatusSteps, useDay, useLevelLabel } from './parts.tsx';

export function CardPage() {
  const { id } = useParams({ from: '/app/delegation/cards/$id' });
  const card = useCard(id);
  if (card.isPending) return <PageLoader />;
  if (card.isError) return <ErrorAlert error={card.error} />;
  return <CardView key={id} card={card.data} />;
}

const openStatuses: readonly CardDetail['status'][] = ['proposed', 'accepted', 'in_progress'];

function CardView({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  // The delegator may reframe the card until it is done or declined.
  const canEdit = card.permissions.edit && openStatuses.includes(card.status);
  const [edited, setEdited] = useState<EditOutcome | null>(null);
  const main = (
    <Grid.Col key="main" span={{ base: 12, lg: 8 }} order={{ lg: 1 }}>
      <Stack>
        <NextStep card={card} />
        {card.status === 'done' ? (
          // Once done, the outcome comes first: level to raise, result and debrief, credit.
          <>
            <RaiseLevel card={card} />
            <ResultSection card={card} />
            <BravoSection card={card} />
            <ValidationSection card={card} />
            <CheckpointSection card={card} />
            <Thread card={card} />
          </>
        ) : (
          <>
            <Thread card={card} />
            <CheckpointSection card={card} />
            <ValidationSection card={card} />
          </>
        )}
      </Stack>
    </Grid.Col>
  );
  const side = (
    <Grid.Col key="side" span={{ base: 12, lg: 4 }} order={{ lg: 2 }}>
      <Stack>
        <Checklist card={card} />
        <AlertPanel card={card} />
      </Stack>
    </Grid.Col>
  );
  return (
    <Stack>
      <PageTitle
        actions={
          <Group gap="md">
            {canEdit && <EditCard card={card} onDone={setEdited} />}
            <Anchor component={Link} to="/delegation">
              {t('delegation.back')}
            </Anchor>
          </Group>
        }
      >
        {card.outcome}
      </PageTitle>
      <Group gap="xs" wrap="wrap" mt={-8}>
        <StatusBadge status={card.status} />
        <LevelBadge level={card.level} />
        {card.domain && (
          <Badge variant="outline" color="gray" tt="none">
            {card.domain.name}
          </Badge>
        )}
        <Text size="sm">
          {t('delegation.card.fromTo', { from: card.delegator.name, to: card.assignee.name })}
        </Text>
      </Group>
      {edited && (
        <Alert
          color={edited === 'saved' ? 'green' : 'gray'}
          role="status"
          withCloseButton
          closeButtonLabel={t('ui.close')}
          onClose={() => setEdited(null)}
        >
          {t(edited === 'saved' ? 'delegation.edit.saved' : 'delegation.edit.unchanged')}
        </Alert>
      )}
      <AlertBanner card={card} />
      <Card withBorder padding="sm">
        <StatusSteps card={card} />
      </Card>

      <Grid gap="lg">
        {/* Before accepting, the frame is read first: on a phone it comes before the answer buttons. */}
        {card.status === 'proposed' ? [side, main] : [main, side]}
      </Grid>
    </Stack>
  );
}

function Checklist({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const day = useDay();
  const levelLabel = useLevelLabel();
  const text = (value: string) =>
    value.trim() ? (
      <span className={uiClasses.preWrap}>{value}</span>
    ) : (
      <Text component="span" c="dimmed" size="sm">
        {t('delegation.card.notSet')}
      </Text>
    );
  return (
    <Panel title={t('delegation.card.checklist')}>
      <dl className={classes.facts}>
        <dt>{t('delegation.form.dueOn')}</dt>
        <dd>
          {day(card.dueOn)}
          {card.overdue && (
            <Badge ml={6} variant="light" color="orange" c="gray.9" tt="none">
              {t('delegation.flags.overdue')}
            </Badge>
          )}
        </dd>
        <dt>{t('delegation.form.domain')}</dt>
        <dd>{card.domain ? card.domain.name : text('')}</dd>
        <dt>{t('delegation.form.level')}</dt>
        <dd>
          <Text component="span" fw={600}>
            {levelLabel(card.level)}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`delegation.levels.${card.level}.meaning`)}
          </Text>
        </dd>
        <dt>{t('delegation.form.risks')}</dt>
        <dd>{text(card.risks)}</dd>
        <dt>{t('delegation.form.support')}</dt>
        <dd>{text(card.support)}</dd>
        <dt>{t('delegation.form.successIndicators')}</dt>
        <dd>{text(card.successIndicators)}</dd>
        <dt>{t('delegation.form.resultFormat')}</dt>
        <dd>{text(card.resultFormat)}</dd>
      </dl>
    </Panel>
  );
}

/** What the reader can do now, by status and role. */
function NextStep({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = card.permissions;

  if (card.status === 'proposed') {
    if (card.myRole === 'assignee') return <Respond card={card} />;
    return (
      <Alert color="gray" variant="light" title={t('delegation.next.waitingTitle')}>
        {t('delegation.next.waitingAnswer', { name: card.assignee.name })}
      </Alert>
    );
  }
  if (card.status === 'accepted') {
    if (p.act) return <StartPanel card={card} />;
    return (
      <Alert color="blue" variant="light">
        {t('delegation.next.acceptedBy', { name: card.assignee.name })}
      </Alert>
    );
  }
  if (card.status === 'in_progress') {
    if (p.act) return <CompletePanel card={card} />;
    return (
      <Alert color="blue" variant="light">
        {t('delegation.next.inProgress', {
          name: card.assignee.name,
          date: card.startedAt ? fmt.date(card.startedAt) : '',
        })}
      </Alert>
    );
  }
  if (card.status === 'declined') {
    return (
      <Alert
        color="gray"
        variant="light"
        title={t('delegation.next.declinedTitle', { name: card.assignee.name })}
      >
        <span className={uiClasses.preWrap}>{card.declineReason ?? ''}</span>
      </Alert>
    );
  }
  // Done.
  if (!card.debrief && p.debrief) return <DebriefForm card={card} />;
  if (!card.debrief) {
    return (
      <Alert color="blue" variant="light">
        {t('delegation.next.waitingDebrief', { name: card.assignee.name })}
      </Alert>
    );
  }
  return null;
}

function Respond({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const accept = useAccept(card.id);
  const decline = useDecline(card.id);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const submitDecline = (e: FormEvent) => {
    e.preventDefault();
    decline.mutate(reason);
  };
  return (
    <Panel
      title={t('delegation.next.respondTitle')}
      intro={t('delegation.next.respondIntro', { name: card.delegator.name })}
      highlight
    >
      <Stack>
        <ErrorAlert error={accept.error} />
        <Group gap="sm">
          <Button onClick={() => accept.mutate()} loading={accept.isPending}>
            {t('delegation.next.accept')}
          </Button>
          {!declining && (
            <Button variant="default" onClick={() => setDeclining(true)}>
              {t('delegation.next.decline')}
            </Button>
          )}
        </Group>
        {declining && (
          <form onSubmit={submitDecline} noValidate>
            <Stack gap="xs">
              <Textarea
                label={t('delegation.next.declineReason')}
                description={t('delegation.next.declineReasonHelp')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={fieldError(decline.error, 'reason')}
                autosize
                minRows={2}
                maxLength={1000}
                required
              />
              <ErrorAlert error={decline.error} fields={['reason']} />
              <Group gap="sm">
                <Button
                  type="submit"
                  color="red"
                  variant="light"
                  loading={decline.isPending}
                  disabled={!reason.trim()}
                >
                  {t('delegation.next.declineConfirm')}
                </Button>
                <Button variant="subtle" onClick={() => setDeclining(false)}>
                  {t('delegation.form.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Panel>
  );
}

function StartPanel({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const start = useStart(card.id);
  return (
    <Panel title={t('delegation.next.startTitle')} intro={t('delegation.next.startIntro')} highlight>
      <ErrorAlert error={start.error} />
      <Button onClick={() => start.mutate()} loading={start.isPending}>
        {t('delegation.next.start')}
      </Button>
    </Panel>
  );
}

function CompletePanel({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const complete = useComplete(card.id);
  const [note, setNote] = useState('');
  return (
    <Panel title={t('delegation.next.completeTitle')} intro={t('delegation.next.completeIntro')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          complete.mutate({ resultNote: note });
        }}
        noValidate
      >
        <Stack gap="xs">
          <Textarea
            label={t('delegation.next.resultNote')}
            description={
              card.resultFormat
                ? t('delegation.next.resultNoteHelp', { format: card.resultFormat })
                : undefined
            }
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(complete.error, 'resultNote')}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <ErrorAlert error={complete.error} fields={['resultNote']} />
          <Button type="submit" loading={complete.isPending} w="fit-content">
            {t('delegation.next.complete')}
          </Button>
        </Stack>
      </form>
    </Panel>
  );
}

function DebriefForm({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const debrief = useDebrief(card.id);
  const [form, setForm] = useState({
    learned: '',
    differently: '',
    validationAsked: card.validations.length > 0 ? 'yes' : 'no',
    validationWhy: '',
    share: true,
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const fields = ['learned', 'differently', 'validationAsked', 'validationWhy', 'shareInLearningLog'];
  return (
    <Panel title={t('delegation.debrief.title')} intro={t('delegation.debrief.intro')} highlight>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          debrief.mutate({
            learned: form.learned,
            differently: form.differently,
            validationAsked: form.validationAsked === 'yes',
            validationWhy: form.validationWhy,
            shareInLearningLog: form.share,
          });
        }}
        noValidate
      >
        <Stack gap="sm">
          <Textarea
            label={t('delegation.debrief.learned')}
            value={form.learned}
            onChange={(e) => set('learned', e.currentTarget.value)}
            error={fieldError(debrief.error, 'learned')}
            autosize
            minRows={2}
            maxLength={2000}
            required
          />
          <Textarea
            label={t('delegation.debrief.differently')}
            value={form.differently}
            onChange={(e) => set('differently', e.currentTarget.value)}
            error={fieldError(debrief.error, 'differently')}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Radio.Group
            label={t('delegation.debrief.validationAsked')}
            description={t('delegation.debrief.validationAskedHelp', { count: card.validations.length })}
            value={form.validationAsked}
            onChange={(v) => set('validationAsked', v)}
            error={fieldError(debrief.error, 'validationAsked')}
          >
            <Group gap="md" mt={6}>
              <Radio value="yes" label={t('delegation.debrief.yes')} />
              <Radio value="no" label={t('delegation.debrief.no')} />
            </Group>
          </Radio.Group>
          {form.validationAsked === 'yes' && (
            <Textarea
              label={t('delegation.debrief.validationWhy')}
              value={form.validationWhy}
              onChange={(e) => set('validationWhy', e.currentTarget.value)}
              error={fieldError(debrief.error, 'validationWhy')}
              autosize
              minRows={2}
              maxLength={1000}
            />
          )}
          <Switch
            label={t('delegation.debrief.share')}
            description={t('delegation.debrief.shareHelp')}
            checked={form.share}
            onChange={(e) => set('share', e.currentTarget.checked)}
          />
          <ErrorAlert error={debrief.error} fields={fields} />
          <Button type="submit" loading={debrief.isPending} w="fit-content" disabled={!form.learned.trim()}>
            {t('delegation.debrief.submit')}
          </Button>
        </Stack>
      </form>
    </Panel>
  );
}

/** The result note and, once written, the debrief. */
function ResultSection({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (card.status !== 'done') return null;
  return (
    <Panel title={t('delegation.result.title')}>
      <dl className={uiClasses.details}>
        <dt>{t('delegation.result.doneAt')}</dt>
        <dd>{card.doneAt ? fmt.date(card.doneAt) : ''}</dd>
        <dt>{t('delegation.result.note')}</dt>
        <dd className={uiClasses.preWrap}>{card.resultNote || t('delegation.card.notSet')}</dd>
        {card.debrief && (
          <>
            <dt>{t('delegation.debrief.learned')}</dt>
            <dd className={uiClasses.preWrap}>{card.debrief.learned}</dd>
            <dt>{t('delegation.debrief.differently')}</dt>
            <dd className={uiClasses.preWrap}>{card.debrief.differently || t('delegation.card.notSet')}</dd>
            <dt>{t('delegation.debrief.validationAsked')}</dt>
            <dd className={uiClasses.preWrap}>
              {card.debrief.validationAsked ? t('delegation.debrief.yes') : t('delegation.debrief.no')}
              {card.debrief.validationWhy && ` — ${card.debrief.validationWhy}`}
            </dd>
          </>
        )}
      </dl>
    </Panel>
  );
}
