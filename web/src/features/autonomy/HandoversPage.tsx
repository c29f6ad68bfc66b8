import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PersonPicker } from '../people/PersonPicker.tsx';
import { useDay } from './AutonomyBits.tsx';
import { DelegationTabs } from './DelegationTabs.tsx';
import { type Handover, handoverPath, useCreateHandover, useHandovers } from './autonomy.api.ts';
import classes from './autonomy.module.css';

export const STAGES = [1, 2, 3, 4] as const;

/** The four stages as a compact progress list: done, current (next to do) and to come, each written out. */
export function HandoverStepper({ handover }: { handover: Handover }) {
  const { t } = useTranslation();
  const day = useDay();
  return (
    <ol className={classes.stepper} aria-label={t('handover.stepper.label', { account: handover.account })}>
      {STAGES.map((n) => {
        const stage = handover.stages.find((s) => s.stage === n);
        const done = n <= handover.currentStage;
        const current = n === handover.currentStage + 1;
        const state = done
          ? stage?.doneOn
            ? t('handover.stepper.doneOn', { date: day(stage.doneOn) })
            : t('handover.stepper.done')
          : current
            ? t('handover.stepper.current')
            : t('handover.stepper.todo');
        return (
          <li
            key={n}
            className={`${classes.step} ${done ? classes.stepDone : ''} ${current ? classes.stepCurrent : ''}`}
            aria-current={current ? 'step' : undefined}
          >
            <span className={classes.stepBar} aria-hidden />
            <span className={classes.stepLabel}>
              {t('handover.stageShort', { n, name: t(`handover.stages.${n}.name`) })}
              <VisuallyHidden>{` — ${state}`}</VisuallyHidden>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export function HandoversPage() {
  const { t } = useTranslation();
  const me = useMe();
  const list = useHandovers();
  const canCreate = me.person.directReports > 0;

  return (
    <Stack>
      <PageTitle>{t('handover.title')}</PageTitle>
      <DelegationTabs />
      <Text c="dimmed">{t('handover.intro')}</Text>

      <section aria-labelledby="ho-list">
        <Title order={2} size="h3" id="ho-list" mb="sm">
          {t('handover.list.title')}
        </Title>
        {list.isPending && <PageLoader />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && list.data.items.length === 0 && (
          <Alert color="gray">{canCreate ? t('handover.list.emptyManager') : t('handover.list.empty')}</Alert>
        )}
        {list.data && list.data.items.length > 0 && (
          <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} p={0} m={0} style={{ listStyle: 'none' }}>
            {list.data.items.map((h) => (
              <Card component="li" withBorder key={h.id}>
                <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
                  <Anchor component={Link} to={handoverPath(h.id)}>
                    {h.account}
                  </Anchor>
                </Title>
                <Text size="sm" c="dimmed" mb="xs">
                  {t('handover.list.fromTo', { manager: h.manager.name, member: h.member.name })}
                </Text>
                <Group gap={6} mb="sm" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {t('handover.primary', { name: h.primaryContact.name })}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {h.currentStage === 0
                      ? t('handover.notStarted')
                      : t('handover.atStage', {
                          n: h.currentStage,
                          name: t(`handover.stages.${h.currentStage}.name`),
                        })}
                  </Text>
                </Group>
                <HandoverStepper handover={h} />
              </Card>
            ))}
          </SimpleGrid>
        )}
      </section>

      {canCreate && (
        <Card withBorder component="section" aria-labelledby="ho-new">
          <Title order={2} size="h3" id="ho-new" mb={4}>
            {t('handover.create.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('handover.create.intro')}
          </Text>
          <CreateHandoverForm />
        </Card>
      )}
    </Stack>
  );
}

function CreateHandoverForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateHandover();
  const [memberId, setMemberId] = useState<string | null>(null);
  const [account, setAccount] = useState('');
  const [note, setNote] = useState('');
  const [planned, setPlanned] = useState(['', '', '', '']);
  const [errors, setErrors] = useState<{ memberId?: string; account?: string }>({});
  const fields = [
    'memberId',
    'account',
    'note',
    'plannedOn',
    'plannedOn.0',
    'plannedOn.1',
    'plannedOn.2',
    'plannedOn.3',
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!memberId) next.memberId = t('handover.create.memberRequired');
    if (!account.trim()) next.account = t('handover.create.accountRequired');
    setErrors(next);
    if (!memberId || next.account) return;
    create.mutate(
      { memberId, account: account.trim(), note: note.trim(), plannedOn: planned.map((d) => d || null) },
      {
        onSuccess: (h) => {
          notifications.show({
            message: t('handover.create.created'),
            color: 'green',
            closeButtonProps: { 'aria-label': t('ui.close') },
          });
          void navigate({ to: handoverPath(h.id) });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={create.error} fields={fields} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('handover.create.account')}
            description={t('handover.create.accountHelp')}
            value={account}
            onChange={(e) => setAccount(e.currentTarget.value)}
            error={errors.account ?? fieldError(create.error, 'account')}
            maxLength={200}
            required
          />
          <PersonPicker
            label={t('handover.create.member')}
            description={t('handover.create.memberHelp')}
            value={memberId}
            onChange={setMemberId}
            error={errors.memberId ?? fieldError(create.error, 'memberId')}
          />
        </SimpleGrid>
        <Textarea
          label={t('handover.create.note')}
          description={t('handover.create.noteHelp')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError(create.error, 'note')}
          maxLength={2000}
          autosize
          minRows={2}
        />
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Text component="legend" size="sm" fw={600} mb={4}>
            {t('handover.create.planned')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {STAGES.map((n, i) => (
              <TextInput
                key={n}
                type="date"
                label={t('handover.stageShort', { n, name: t(`handover.stages.${n}.name`) })}
                value={planned[i]}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setPlanned((p) => p.map((d, j) => (j === i ? v : d)));
                }}
                error={fieldError(create.error, `plannedOn.${i}`)}
              />
            ))}
          </SimpleGrid>
        </fieldset>
        <Button type="submit" loading={create.isPending} w="fit-content">
          {t('handover.create.submit')}
        </Button>
      </Stack>
    </form>
  );
}
