import { Alert, Button, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ActionList, AddActionForm } from './Actions.tsx';
import { TalkTime } from './MeetingParts.tsx';
import { SaveStatus, useAutosave } from './common.tsx';
import {
  type ActionKind,
  type MeetingDetail,
  useCloseMeeting,
  useSaveNote,
  useStep,
} from './one-on-ones.api.ts';

export const steps = [1, 2, 3, 4, 5, 6] as const;
type Step = (typeof steps)[number];
/** How many questions of the bank each step has in the catalogues (`q1`…`qN`). */
const questionCount: Record<Step, number> = { 1: 4, 2: 3, 3: 4, 4: 4, 5: 3, 6: 3 };

export const stepTitleKey = (n: number) => `oneOnOnes.steps.s${n}.title`;

/** Where each step ends in an action: who owns it, and which kind it is. */
function stepAction(
  meeting: MeetingDetail,
  n: Step,
): { kind: ActionKind; owners: { id: string; name: string }[]; legendKey: string } | null {
  const { manager, report } = meeting.series;
  if (n === 3) return { kind: 'report_plan', owners: [report], legendKey: 'oneOnOnes.run.reportPlan' };
  if (n === 4) return { kind: 'manager_help', owners: [manager], legendKey: 'oneOnOnes.run.managerHelp' };
  if (n === 5) return { kind: 'joint', owners: [manager, report], legendKey: 'oneOnOnes.run.joint' };
  if (n === 6) return { kind: 'next_step', owners: [report, manager], legendKey: 'oneOnOnes.run.nextSteps' };
  return null;
}

/** The guided meeting: six steps any participant can move through or skip, shared notes, talk time, close. */
export function MeetingRun({ meeting, updatedAt }: { meeting: MeetingDetail; updatedAt: number }) {
  const { t } = useTranslation();
  const step = useStep(meeting.id);
  const close = useCloseMeeting(meeting.id);
  const [confirming, setConfirming] = useState(false);
  const current = (meeting.currentStep ?? 1) as Step;
  const entered = new Set(meeting.stepLog.filter((e) => e.event === 'enter').map((e) => e.step));
  const skipped = new Set(
    meeting.stepLog.filter((e) => e.event === 'skip' && !entered.has(e.step)).map((e) => e.step),
  );
  const editable = meeting.permissions.edit;

  const go = (n: number) => step.mutate({ step: n, event: 'enter' });
  const skip = () =>
    step.mutate({ step: current, event: 'skip' }, { onSuccess: () => current < 6 && go(current + 1) });
  const doClose = (confirmWithoutNextStep: boolean) =>
    close.mutate(
      { confirmWithoutNextStep },
      {
        onSuccess: () => setConfirming(false),
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'next_step_missing') setConfirming(true);
        },
      },
    );
  const closeError =
    close.error instanceof ApiError && close.error.code === 'next_step_missing' ? null : close.error;

  const action = stepAction(meeting, current);
  const stepState = (n: number) =>
    n === current
      ? t('oneOnOnes.run.stateCurrent')
      : skipped.has(n)
        ? t('oneOnOnes.run.stateSkipped')
        : entered.has(n)
          ? t('oneOnOnes.run.stateVisited')
          : '';

  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={2} size="h3">
          {t('oneOnOnes.run.title')}
        </Title>
        {editable && (
          <Button onClick={() => doClose(false)} loading={close.isPending}>
            {t('oneOnOnes.run.close')}
          </Button>
        )}
      </Group>
      {closeError && <ErrorAlert error={closeError} />}
      {step.isError && <ErrorAlert error={step.error} />}

      <nav aria-label={t('oneOnOnes.run.stepsLabel')}>
        <Stack component="ol" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
          {steps.map((n) => (
            <Group component="li" key={n} gap="xs" wrap="nowrap">
              <Button
                variant={n === current ? 'filled' : 'subtle'}
                color={n === current ? undefined : 'dark'}
                justify="flex-start"
                aria-current={n === current ? 'step' : undefined}
                disabled={!editable}
                onClick={() => n !== current && go(n)}
                style={{ flex: '1 1 auto', minWidth: 0 }}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                h="auto"
                py={6}
              >
                {`${n}. ${t(stepTitleKey(n))}`}
              </Button>
              {stepState(n) && n !== current && (
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {stepState(n)}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
      </nav>

      <section aria-labelledby={`step-title-${meeting.id}`}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('oneOnOnes.run.stepOf', { n: current })}
          </Text>
          <Title order={3} size="h4" id={`step-title-${meeting.id}`}>
            {`${current}. ${t(stepTitleKey(current))}`}
          </Title>
          <Text>{t(`oneOnOnes.steps.s${current}.hint`)}</Text>

          {current === 1 && <ReportTopics meeting={meeting} />}
          {current === 2 && (
            <div>
              <Title order={4} size="h5" mb={4}>
                {t('oneOnOnes.run.suggestions')}
              </Title>
              <ActionList
                meetingId={meeting.id}
                actions={meeting.recognitionSuggestions}
                editable={false}
                emptyText={t('oneOnOnes.run.noSuggestions')}
              />
            </div>
          )}
          {current === 3 && (
            <div>
              <Title order={4} size="h5" mb={4}>
                {t('oneOnOnes.run.prompts')}
              </Title>
              <List size="sm" spacing={2}>
                <List.Item>{t('oneOnOnes.steps.s3.fact')}</List.Item>
                <List.Item>{t('oneOnOnes.steps.s3.impact')}</List.Item>
                <List.Item>{t('oneOnOnes.steps.s3.plan')}</List.Item>
              </List>
            </div>
          )}

          <div>
            <Title order={4} size="h5" mb={4}>
              {t('oneOnOnes.run.questions')}
            </Title>
            <List size="sm" spacing={2}>
              {Array.from({ length: questionCount[current] }, (_, i) => (
                <List.Item key={i}>{t(`oneOnOnes.steps.s${current}.q${i + 1}`)}</List.Item>
              ))}
            </List>
          </div>
          {current === 6 && (
            <Alert color="green" variant="light">
              {t('oneOnOnes.steps.s6.encouragement')}
            </Alert>
          )}

          {action && (
            <section aria-labelledby={`step-actions-${meeting.id}`}>
              <Title order={4} size="h5" id={`step-actions-${meeting.id}`} mb={4}>
                {t(action.legendKey, {
                  name:
                    action.kind === 'report_plan' ? meeting.series.report.name : meeting.series.manager.name,
                })}
              </Title>
              <Stack gap="xs">
                <ActionList
                  meetingId={meeting.id}
                  actions={meeting.actions.filter(
                    (a) => a.kind === action.kind && a.originMeetingId === meeting.id,
                  )}
                  editable={editable}
                />
                {editable && (
                  <AddActionForm
                    key={current}
                    meetingId={meeting.id}
                    kind={action.kind}
                    owners={action.owners}
                    legend={t(action.legendKey, {
                      name:
                        action.kind === 'report_plan'
                          ? meeting.series.report.name
                          : meeting.series.manager.name,
                    })}
                  />
                )}
              </Stack>
            </section>
          )}

          <StepNotes key={current} meeting={meeting} step={current} />

          {editable && (
            <Group gap="sm" justify="space-between">
              <Button variant="default" disabled={current === 1} onClick={() => go(current - 1)}>
                {t('oneOnOnes.run.previous')}
              </Button>
              <Group gap="sm">
                <Button variant="subtle" color="dark" onClick={skip}>
                  {t('oneOnOnes.run.skip')}
                </Button>
                {current < 6 && <Button onClick={() => go(current + 1)}>{t('oneOnOnes.run.next')}</Button>}
              </Group>
            </Group>
          )}
        </Stack>
      </section>

      <TalkTime meeting={meeting} updatedAt={updatedAt} interactive={editable} />

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('oneOnOnes.run.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('ui.close') }}
      >
        <Stack>
          <Text>{t('oneOnOnes.run.confirmBody')}</Text>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setConfirming(false);
                go(6);
              }}
            >
              {t('oneOnOnes.run.addNextStep')}
            </Button>
            <Button loading={close.isPending} onClick={() => doClose(true)}>
              {t('oneOnOnes.run.confirmAnyway')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ReportTopics({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const topics = meeting.topics.filter((x) => x.byReport);
  return (
    <div>
      <Title order={4} size="h5" mb={4}>
        {t('oneOnOnes.run.agendaReminder', { name: meeting.series.report.name })}
      </Title>
      {topics.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('oneOnOnes.agenda.empty')}
        </Text>
      ) : (
        <List size="sm">
          {topics.map((x) => (
            <List.Item key={x.id}>{`${x.title} (${t(`oneOnOnes.agenda.${x.kind}`)})`}</List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

function StepNotes({ meeting, step }: { meeting: MeetingDetail; step: number }) {
  const { t } = useTranslation();
  const save = useSaveNote(meeting.id);
  const note = useAutosave(meeting.notes[String(step)] ?? '', (body) => save.mutateAsync({ step, body }));
  return (
    <div>
      <Textarea
        label={t('oneOnOnes.run.notes')}
        description={t('oneOnOnes.run.notesHelp')}
        value={note.value}
        onChange={(e) => note.setValue(e.currentTarget.value)}
        readOnly={!meeting.permissions.edit}
        autosize
        minRows={4}
        maxLength={20000}
      />
      <SaveStatus state={note.state} error={note.error} />
    </div>
  );
}
