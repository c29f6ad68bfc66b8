import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useFormat } from '../../ui/format.ts';
import classes from '../../ui/ui.module.css';
import { LevelBadge, useDay, usePercent } from './AutonomyBits.tsx';
import { DelegationTabs } from './DelegationTabs.tsx';
import { type Sample, cardPath, useReviewItem, useSamples } from './autonomy.api.ts';

type SampleItem = Sample['items'][number];

export function ReviewPage() {
  const { t } = useTranslation();
  const samples = useSamples(undefined);
  const [current, ...past] = samples.data?.items ?? [];

  return (
    <Stack>
      <PageTitle>{t('autonomy.review.title')}</PageTitle>
      <DelegationTabs />
      <Text c="dimmed">{t('autonomy.review.intro')}</Text>
      {samples.isPending && <PageLoader />}
      {samples.isError && <ErrorAlert error={samples.error} />}
      {samples.data && !current && <Alert color="gray">{t('autonomy.review.empty')}</Alert>}
      {current && (
        <Card withBorder component="section" aria-labelledby="au-review-current">
          <Title order={2} size="h3" id="au-review-current" mb={4}>
            {t('autonomy.review.thisWeek')}
          </Title>
          <SampleBody sample={current} />
        </Card>
      )}
      {past.length > 0 && (
        <section aria-labelledby="au-review-past">
          <Title order={2} size="h3" id="au-review-past" mb="sm">
            {t('autonomy.review.past')}
          </Title>
          <PastWeeks samples={past} />
        </section>
      )}
    </Stack>
  );
}

function PastWeeks({ samples }: { samples: Sample[] }) {
  const { t } = useTranslation();
  const day = useDay();
  return (
    <Accordion variant="separated" multiple chevronPosition="right">
      {samples.map((s) => {
        const reviewed = s.items.filter((i) => i.reviewedAt).length;
        return (
          <Accordion.Item key={s.id} value={s.id}>
            <Accordion.Control>
              <Text fw={600}>{t('autonomy.review.weekOf', { date: day(s.weekStart) })}</Text>
              <Text size="sm" c="dimmed">
                {t('autonomy.review.reviewedCount', { reviewed, count: s.items.length })}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <SampleBody sample={s} />
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}

function SampleBody({ sample }: { sample: Sample }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const day = useDay();
  const p = usePercent();
  return (
    <Stack gap="sm">
      <Text size="sm">
        {t('autonomy.review.drawn', {
          drawn: fmt.number(sample.items.length),
          pool: fmt.number(sample.poolSize),
          share: p.rate(sample.share),
          date: day(sample.weekStart),
        })}
      </Text>
      {sample.items.length === 0 ? (
        <Alert color="gray">{t('autonomy.review.nothingDrawn')}</Alert>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {sample.items.map((item) => (
            <ItemCard key={item.card.id} sampleId={sample.id} item={item} />
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {t('autonomy.review.audit', {
          seed: sample.seed,
          pool: sample.poolSize,
          date: fmt.dateTime(sample.drawnAt),
        })}
      </Text>
    </Stack>
  );
}

function ItemCard({ sampleId, item }: { sampleId: string; item: SampleItem }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const day = useDay();
  const review = useReviewItem(undefined);
  const [note, setNote] = useState('');
  const c = item.card;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    review.mutate({ sampleId, cardId: c.id, note: note.trim() });
  };

  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Anchor component={Link} to={cardPath(c.id)} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {c.outcome}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('autonomy.review.cardMeta', {
              assignee: c.assignee.name,
              date: day(c.dueOn),
            })}
            {c.domain ? ` · ${c.domain.name}` : ''}
          </Text>
        </div>
        <Group gap="xs">
          <LevelBadge level={c.level} />
          {item.reviewedAt ? (
            <Badge color="teal.9" variant="outline">
              {t('autonomy.review.reviewed')}
            </Badge>
          ) : (
            <Badge color="blue.9" variant="outline">
              {t('autonomy.review.toReview')}
            </Badge>
          )}
        </Group>
      </Group>
      {item.reviewedAt ? (
        <Stack gap={2} mt="xs">
          <Text size="xs" c="dimmed">
            {t('autonomy.review.reviewedAt', { date: fmt.dateTime(item.reviewedAt) })}
          </Text>
          {item.reviewNote && (
            <Text size="sm" className={classes.preWrap}>
              {item.reviewNote}
            </Text>
          )}
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate style={{ marginTop: '0.5rem' }}>
          <Stack gap="xs">
            <ErrorAlert error={review.error} fields={['note']} />
            <Textarea
              label={t('autonomy.review.note')}
              description={t('autonomy.review.noteHelp')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={fieldError(review.error, 'note')}
              maxLength={2000}
              autosize
              minRows={1}
            />
            <Button
              type="submit"
              size="xs"
              variant="default"
              w="fit-content"
              loading={review.isPending}
              aria-label={t('autonomy.review.markNamed', { outcome: c.outcome })}
            >
              {t('autonomy.review.mark')}
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}
