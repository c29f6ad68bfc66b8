import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import classes from '../../ui/ui.module.css';
import { useDay } from './AutonomyBits.tsx';
import { DelegationTabs } from './DelegationTabs.tsx';
import { HandoverStepper, STAGES } from './HandoversPage.tsx';
import { type Handover, type HandoverStage, useHandover, useUpdateStage } from './autonomy.api.ts';

export function HandoverPage() {
  const { id } = useParams({ from: '/app/delegation/handovers/$id' });
  const handover = useHandover(id);
  if (handover.isPending) return <PageLoader />;
  if (handover.isError) return <ErrorAlert error={handover.error} />;
  return <HandoverView key={id} handover={handover.data} />;
}

function HandoverView({ handover }: { handover: Handover }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle
        actions={
          <Anchor component={Link} to="/delegation/handovers">
            {t('handover.back')}
          </Anchor>
        }
      >
        {t('handover.detail.title', { account: handover.account })}
      </PageTitle>
      <DelegationTabs />
      <Card withBorder component="section" aria-labelledby="ho-summary">
        <Title order={2} size="h3" id="ho-summary" mb="sm">
          {t('handover.detail.summary')}
        </Title>
        <dl className={classes.details}>
          <dt>{t('handover.detail.manager')}</dt>
          <dd>{handover.manager.name}</dd>
          <dt>{t('handover.detail.member')}</dt>
          <dd>{handover.member.name}</dd>
          <dt>{t('handover.detail.primary')}</dt>
          <dd>{handover.primaryContact.name}</dd>
          <dt>{t('handover.detail.stage')}</dt>
          <dd>
            {handover.currentStage === 0
              ? t('handover.notStarted')
              : t('handover.atStage', {
                  n: handover.currentStage,
                  name: t(`handover.stages.${handover.currentStage}.name`),
                })}
          </dd>
          {handover.note && (
            <>
              <dt>{t('handover.detail.note')}</dt>
              <dd className={classes.preWrap}>{handover.note}</dd>
            </>
          )}
        </dl>
        <Text size="sm" c="dimmed" mt="sm">
          {t('handover.detail.credit')}
        </Text>
        <div style={{ marginTop: '1rem' }}>
          <HandoverStepper handover={handover} />
        </div>
      </Card>

      <section aria-labelledby="ho-stages">
        <Title order={2} size="h3" id="ho-stages" mb="sm">
          {t('handover.detail.stages')}
        </Title>
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {STAGES.map((n) => {
            const stage = handover.stages.find((s) => s.stage === n) ?? {
              stage: n,
              plannedOn: null,
              doneOn: null,
              note: '',
            };
            return (
              <StageCard
                key={`${n}-${stage.doneOn ?? ''}-${stage.plannedOn ?? ''}`}
                handover={handover}
                stage={stage}
              />
            );
          })}
        </Stack>
      </section>
    </Stack>
  );
}

function StageCard({ handover, stage }: { handover: Handover; stage: HandoverStage }) {
  const { t } = useTranslation();
  const day = useDay();
  const update = useUpdateStage(handover.id);
  const [planned, setPlanned] = useState(stage.plannedOn?.slice(0, 10) ?? '');
  const [note, setNote] = useState(stage.note);
  const n = stage.stage;
  const done = stage.doneOn !== null;
  const name = t(`handover.stages.${n}.name`);
  const headingId = `ho-stage-${n}`;
  const saved = (message: string) =>
    notifications.show({ message, color: 'green', closeButtonProps: { 'aria-label': t('ui.close') } });

  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { stage: n, plannedOn: planned || null, note: note.trim() },
      { onSuccess: () => saved(t('handover.detail.saved')) },
    );
  };

  return (
    <Card component="li" withBorder aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap" mb={4}>
        <Title order={3} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
          {t('handover.stageShort', { n, name })}
        </Title>
        {done ? (
          <Badge variant="outline" color="teal.9">
            {t('handover.stepper.doneOn', { date: day(stage.doneOn!) })}
          </Badge>
        ) : n === handover.currentStage + 1 ? (
          <Badge variant="outline" color="blue.9">
            {t('handover.stepper.current')}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`handover.stages.${n}.help`)}
      </Text>
      {handover.permissions.edit ? (
        <form onSubmit={save} noValidate>
          <Stack gap="xs">
            <ErrorAlert error={update.error} fields={['plannedOn', 'note']} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="date"
                label={t('handover.detail.plannedOn')}
                value={planned}
                onChange={(e) => setPlanned(e.currentTarget.value)}
                error={fieldError(update.error, 'plannedOn')}
              />
            </SimpleGrid>
            <Textarea
              label={t('handover.detail.stageNote')}
              description={t('handover.detail.stageNoteHelp')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={fieldError(update.error, 'note')}
              maxLength={2000}
              autosize
              minRows={2}
            />
            <Group gap="xs">
              <Button type="submit" size="sm" variant="default" loading={update.isPending}>
                {t('handover.detail.save')}
              </Button>
              <Button
                size="sm"
                variant={done ? 'subtle' : n === handover.currentStage + 1 ? 'filled' : 'default'}
                loading={update.isPending}
                onClick={() =>
                  update.mutate(
                    { stage: n, done: !done, plannedOn: planned || null, note: note.trim() },
                    {
                      onSuccess: () =>
                        saved(done ? t('handover.detail.reopened') : t('handover.detail.marked', { name })),
                    },
                  )
                }
                aria-label={
                  done ? t('handover.detail.reopenNamed', { name }) : t('handover.detail.markNamed', { name })
                }
              >
                {done ? t('handover.detail.reopen') : t('handover.detail.mark')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <dl className={classes.details}>
          <dt>{t('handover.detail.plannedOn')}</dt>
          <dd>{stage.plannedOn ? day(stage.plannedOn) : t('handover.detail.noDate')}</dd>
          {stage.note && (
            <>
              <dt>{t('handover.detail.stageNote')}</dt>
              <dd className={classes.preWrap}>{stage.note}</dd>
            </>
          )}
        </dl>
      )}
    </Card>
  );
}
