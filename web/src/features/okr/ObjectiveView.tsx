import { PeerReviewPanel } from '../clarity/PeerReviewPanel.tsx';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import classes from '../../ui/ui.module.css';
import { HistoryTable, KeyResultChart } from './HistoryChart.tsx';
import { KeyResultForm } from './KeyResultForm.tsx';
import { ObjectiveForm } from './ObjectiveForm.tsx';
import {
  type KeyResult,
  type ObjectiveDetail,
  type ObjectiveRef,
  csvUrl,
  objectivePath,
  reviewPath,
  useDeleteKeyResult,
  useUpdateObjective,
} from './okr.api.ts';
import { useOkrFormat } from './okr.format.ts';

export const MAX_KEY_RESULTS = 3;
export const statusColor = { on_track: 'green.9', at_risk: 'orange.9', off_track: 'red.9' } as const;

export function StatusBadge({ status }: { status: KeyResult['status'] | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  // Dark text keeps the contrast; the coloured dot repeats the status for those who scan by colour.
  return (
    <Badge
      color="dark"
      variant="outline"
      leftSection={
        <span
          aria-hidden="true"
          style={{
            display: 'inline-block',
            width: 8,
            height: 8,
            borderRadius: 4,
            background: `var(--mantine-color-${statusColor[status].replace('.', '-')})`,
          }}
        />
      }
    >
      {t(`okr.status.${status}`)}
    </Badge>
  );
}

/** An objective in full: frame, key results with progress, this week's review, the whole history. */
export function ObjectiveView({
  objective,
  candidates = [],
}: {
  objective: ObjectiveDetail;
  candidates?: readonly ObjectiveRef[];
}) {
  const { t } = useTranslation();
  const fmt = useOkrFormat();
  const [editing, setEditing] = useState(false);
  const archive = useUpdateObjective(objective.id);
  const o = objective;
  const current = o.weeks.find((w) => w.weekStart === o.currentWeek);

  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby={`okr-objective-${o.id}`}>
        <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
          <div style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" c="dimmed">
              {t('okr.objective.kicker', {
                from: fmt.longDate(o.periodStart),
                to: fmt.longDate(o.periodEnd),
                day: t(`okr.weekday.d${o.reviewWeekday}`),
              })}
            </Text>
            <Title order={2} size="h3" id={`okr-objective-${o.id}`} style={{ overflowWrap: 'anywhere' }}>
              {o.title}
            </Title>
          </div>
          <Group gap="xs">
            {o.status === 'archived' && (
              <Badge color="gray.8" variant="outline">
                {t('okr.objective.archived')}
              </Badge>
            )}
            <StatusBadge status={o.health} />
          </Group>
        </Group>
        <Progress
          value={Math.round(o.progress * 100)}
          aria-label={t('okr.objective.progressLabel', { value: fmt.percent(o.progress) })}
          mb={4}
        />
        <Text size="sm" mb="sm">
          {t('okr.objective.progress', { value: fmt.percent(o.progress) })}
        </Text>
        {editing ? (
          <ObjectiveForm
            mode="edit"
            objective={o}
            candidates={candidates}
            onDone={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <>
            <dl className={classes.details}>
              {(['rules', 'scope', 'priorities'] as const).map((k) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt>{t(`okr.objective.${k}`)}</dt>
                  <dd className={classes.preWrap}>{o[k] || t('okr.objective.notSet')}</dd>
                </div>
              ))}
              <dt>{t('okr.objective.team')}</dt>
              <dd>{o.members.map((m) => m.name).join(', ')}</dd>
              {o.parent && (
                <>
                  <dt>{t('okr.objective.alignedUp')}</dt>
                  <dd>
                    <Anchor component={Link} to={objectivePath(o.parent.id)}>
                      {t('okr.objective.refLabel', {
                        title: o.parent.title,
                        name: o.parent.teamManager.name,
                      })}
                    </Anchor>
                  </dd>
                </>
              )}
              {o.children.length > 0 && (
                <>
                  <dt>{t('okr.objective.alignedDown')}</dt>
                  <dd>
                    <List size="sm">
                      {o.children.map((c) => (
                        <List.Item key={c.id}>
                          <Anchor component={Link} to={objectivePath(c.id)}>
                            {t('okr.objective.refLabel', { title: c.title, name: c.teamManager.name })}
                          </Anchor>
                        </List.Item>
                      ))}
                    </List>
                  </dd>
                </>
              )}
            </dl>
            {o.permissions.edit && (
              <Group mt="sm" gap="xs">
                <Button variant="default" onClick={() => setEditing(true)}>
                  {t('okr.objective.edit')}
                </Button>
                <Button
                  variant="default"
                  loading={archive.isPending}
                  onClick={() => archive.mutate({ status: 'archived' })}
                >
                  {t('okr.objective.archive')}
                </Button>
              </Group>
            )}
            <ErrorAlert error={archive.error} />
          </>
        )}
      </Card>

      <KeyResultsSection objective={o} />

      <Card withBorder component="section" aria-labelledby={`okr-review-${o.id}`}>
        <Title order={2} size="h3" id={`okr-review-${o.id}`} mb="xs">
          {t('okr.review.heading')}
        </Title>
        {o.currentWeek ? (
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              {current?.state === 'done'
                ? t('okr.review.doneThisWeek', {
                    date: fmt.longDate(o.currentWeek),
                    name: current.author?.name ?? '',
                  })
                : t('okr.review.dueThisWeek', { date: fmt.longDate(o.currentWeek) })}
            </Text>
            {o.permissions.review && o.keyResults.length > 0 && (
              <Button component={Link} to={reviewPath(o.id)}>
                {current?.state === 'done' ? t('okr.review.edit') : t('okr.review.run')}
              </Button>
            )}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('okr.review.noneNow')}
          </Text>
        )}
        <Text size="sm" c="dimmed" mt="xs">
          {t('okr.review.tally', {
            done: o.weeks.filter((w) => w.state === 'done').length,
            missed: o.weeks.filter((w) => w.state === 'missed').length,
          })}
        </Text>
      </Card>

      <Card withBorder component="section" aria-labelledby={`okr-history-${o.id}`}>
        <Group justify="space-between" mb="sm" gap="xs">
          <Title order={2} size="h3" id={`okr-history-${o.id}`}>
            {t('okr.history.heading')}
          </Title>
          <Anchor href={csvUrl(o.id)} download>
            {t('okr.history.csv')}
          </Anchor>
        </Group>
        <Stack gap="lg">
          {o.keyResults.map((kr) => (
            <div key={kr.id}>
              <Title order={3} size="h5" mb={4} style={{ overflowWrap: 'anywhere' }}>
                {kr.metric}
              </Title>
              <KeyResultChart kr={kr} weeks={o.weeks} />
            </div>
          ))}
          <HistoryTable keyResults={o.keyResults} weeks={o.weeks} />
        </Stack>
      </Card>
      {/* Team members ask a colleague outside the domain to read the objective (the chain reads only). */}
      <PeerReviewPanel itemType="objective" itemId={o.id} canRequest={o.permissions.review} />
    </Stack>
  );
}

function KeyResultsSection({ objective: o }: { objective: ObjectiveDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useDeleteKeyResult();
  const canAdd = o.permissions.edit && o.keyResults.length < MAX_KEY_RESULTS;
  return (
    <Card withBorder component="section" aria-labelledby={`okr-krs-${o.id}`}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h3" id={`okr-krs-${o.id}`}>
          {t('okr.kr.heading', { n: o.keyResults.length, max: MAX_KEY_RESULTS })}
        </Title>
        {canAdd && !adding && (
          <Button variant="default" onClick={() => setAdding(true)}>
            {t('okr.kr.addButton')}
          </Button>
        )}
      </Group>
      {o.keyResults.length === 0 && !adding && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('okr.kr.empty')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {o.keyResults.map((kr) => (
          <Card component="li" withBorder key={kr.id} padding="sm">
            {editing === kr.id ? (
              <KeyResultForm
                objective={o}
                keyResult={kr}
                onDone={() => setEditing(null)}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <KeyResultCard
                kr={kr}
                editable={o.permissions.edit}
                onEdit={() => setEditing(kr.id)}
                onDelete={() => remove.mutate(kr.id)}
              />
            )}
          </Card>
        ))}
      </SimpleGrid>
      <ErrorAlert error={remove.error} />
      {adding && (
        <Card withBorder mt="sm" padding="sm">
          <KeyResultForm objective={o} onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
        </Card>
      )}
      {o.permissions.edit && o.keyResults.length >= MAX_KEY_RESULTS && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('okr.kr.limitReached', { max: MAX_KEY_RESULTS })}
        </Text>
      )}
    </Card>
  );
}

function KeyResultCard({
  kr,
  editable,
  onEdit,
  onDelete,
}: {
  kr: KeyResult;
  editable: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useOkrFormat();
  return (
    <Stack gap={6}>
      <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
        {kr.metric}
      </Title>
      <div>
        <StatusBadge status={kr.status} />
      </div>
      <Text size="sm">
        {t('okr.kr.values', {
          start: fmt.number(kr.start),
          current: kr.current === null ? t('okr.kr.noValue') : fmt.number(kr.current),
          target: fmt.number(kr.target),
          unit: kr.unit,
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`okr.direction.${kr.direction}`)}
      </Text>
      <Progress
        value={Math.round(kr.progress * 100)}
        color={statusColor[kr.status]}
        aria-label={t('okr.kr.progressLabel', { metric: kr.metric, value: fmt.percent(kr.progress) })}
      />
      <Text size="sm">
        {t('okr.kr.progress', { value: fmt.percent(kr.progress), expected: fmt.percent(kr.expected) })}
      </Text>
      <Text size="sm">{t('okr.kr.ownerConfidence', { name: kr.owner.name, confidence: kr.confidence })}</Text>
      {editable && (
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="default"
            onClick={onEdit}
            aria-label={t('okr.kr.editLabel', { metric: kr.metric })}
          >
            {t('okr.kr.edit')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={onDelete}
            aria-label={t('okr.kr.deleteLabel', { metric: kr.metric })}
          >
            {t('okr.kr.delete')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
