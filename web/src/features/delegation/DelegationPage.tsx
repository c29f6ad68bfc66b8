import { Anchor, Button, Card, Group, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { DelegationTabs } from '../autonomy/DelegationTabs.tsx';
import {
  type CardSummary,
  type CardView,
  PAGE_SIZE,
  type StatusFilter,
  cardPath,
  useCardList,
} from './delegation.api.ts';
import classes from './delegation.module.css';
import { CardFlags, LevelBadge, StatusBadge, useDay } from './parts.tsx';

export function DelegationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [view, setView] = useState<CardView>(me.person.directReports > 0 ? 'delegated' : 'assigned');
  const [status, setStatus] = useState<StatusFilter>('open');

  return (
    <Stack>
      <PageTitle
        actions={
          <Button component={Link} to="/delegation/new">
            {t('delegation.list.new')}
          </Button>
        }
      >
        {t('delegation.title')}
      </PageTitle>
      <DelegationTabs />
      <Text c="dimmed">{t('delegation.intro')}</Text>

      <Tabs value={view} onChange={(v) => v && setView(v as CardView)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="delegated">{t('delegation.list.delegated')}</Tabs.Tab>
          <Tabs.Tab value="assigned">{t('delegation.list.assigned')}</Tabs.Tab>
        </Tabs.List>
        {(['delegated', 'assigned'] as const).map((v) => (
          <Tabs.Panel key={v} value={v} pt="md">
            <Stack>
              <SegmentedControl
                aria-label={t('delegation.list.filter')}
                value={status}
                onChange={(s) => setStatus(s as StatusFilter)}
                data={[
                  { value: 'open', label: t('delegation.list.open') },
                  { value: 'closed', label: t('delegation.list.closed') },
                ]}
                w="fit-content"
              />
              <CardList key={status} view={v} status={status} />
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function CardList({ view, status }: { view: CardView; status: StatusFilter }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const list = useCardList(view, status, offset);
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const { items, total } = list.data;
  if (total === 0) return <EmptyState view={view} status={status} />;
  return (
    <>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('delegation.list.count', { count: total })}
      </Text>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((card) => (
          <CardItem key={card.id} card={card} view={view} />
        ))}
      </Stack>
      <Pager
        total={total}
        limit={PAGE_SIZE}
        offset={offset}
        onChange={setOffset}
        label={t('delegation.list.pager')}
      />
    </>
  );
}

function CardItem({ card, view }: { card: CardSummary; view: CardView }) {
  const { t } = useTranslation();
  const day = useDay();
  const accent = card.alertRaised ? classes.alerted : card.overdue ? classes.overdue : undefined;
  return (
    <Card component="li" withBorder className={accent} padding="md">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Title order={2} size="h4" style={{ overflowWrap: 'anywhere', flex: '1 1 16rem' }}>
          <Anchor component={Link} to={cardPath(card.id)}>
            {card.outcome}
          </Anchor>
        </Title>
        <Group gap={6} wrap="wrap">
          <StatusBadge status={card.status} />
          <LevelBadge level={card.level} />
        </Group>
      </Group>
      <Text size="sm" mt={4}>
        {view === 'delegated'
          ? t('delegation.list.to', { name: card.assignee.name })
          : t('delegation.list.from', { name: card.delegator.name })}
        {card.domain && ` · ${card.domain.name}`}
      </Text>
      <Group gap="xs" mt={6} wrap="wrap">
        <Text size="sm" c={card.overdue ? 'red.9' : undefined} fw={card.overdue ? 700 : undefined}>
          {t('delegation.list.due', { date: day(card.dueOn) })}
        </Text>
        {card.nextCheckpoint && (
          <Text size="sm" c="dimmed">
            {t('delegation.list.nextCheckpoint', { date: day(card.nextCheckpoint) })}
          </Text>
        )}
        <CardFlags card={card} />
      </Group>
    </Card>
  );
}

function EmptyState({ view, status }: { view: CardView; status: StatusFilter }) {
  const { t } = useTranslation();
  if (status === 'closed') return <Text c="dimmed">{t('delegation.empty.closed')}</Text>;
  return (
    <Card withBorder bg="gray.0" padding="lg">
      <Title order={2} size="h4" mb="xs">
        {view === 'delegated' ? t('delegation.empty.delegatedTitle') : t('delegation.empty.assignedTitle')}
      </Title>
      <Text size="sm">{t('delegation.empty.line1')}</Text>
      <Text size="sm" mb="md">
        {t('delegation.empty.line2')}
      </Text>
      {view === 'delegated' && (
        <Button component={Link} to="/delegation/new" w="fit-content">
          {t('delegation.empty.cta')}
        </Button>
      )}
    </Card>
  );
}
