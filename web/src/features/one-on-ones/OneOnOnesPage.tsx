import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../app/translator.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useFormat } from '../../ui/format.ts';
import classes from '../../ui/ui.module.css';
import { PlanSeriesForm } from './PlanSeriesForm.tsx';
import { cadenceLabelKey } from './common.tsx';
import { meetingPath, seriesPath, useRatingSummary, useSeriesList } from './one-on-ones.api.ts';

export function OneOnOnesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const fmt = useFormat();
  const list = useSeriesList();
  const isManager = me.person.directReports > 0;

  return (
    <Stack>
      <PageTitle>{t('oneOnOnes.title')}</PageTitle>
      <Text c="dimmed">{t('oneOnOnes.intro')}</Text>

      <section aria-labelledby="oo-series">
        <Title order={2} size="h3" id="oo-series" mb="sm">
          {t('oneOnOnes.list.heading')}
        </Title>
        {list.isPending && <PageLoader />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && list.data.items.length === 0 && <Alert color="gray">{t('oneOnOnes.list.empty')}</Alert>}
        {list.data && list.data.items.length > 0 && (
          <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} p={0} m={0} style={{ listStyle: 'none' }}>
            {list.data.items.map((s) => {
              const amManager = s.manager.id === me.person.id;
              const other = amManager ? s.report : s.manager;
              return (
                <Card component="li" withBorder key={s.id}>
                  <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
                    <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
                      <Anchor
                        component={Link}
                        to={seriesPath(s.id)}
                        aria-label={t('oneOnOnes.list.openSeries', { name: other.name })}
                      >
                        {t('oneOnOnes.list.with', { name: other.name })}
                      </Anchor>
                    </Title>
                    {!s.active && (
                      <Badge color="gray.8" variant="outline">
                        {t('oneOnOnes.list.paused')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {amManager ? t('oneOnOnes.list.asManager') : t('oneOnOnes.list.asReport')} ·{' '}
                    {t(cadenceLabelKey(s.cadenceWeeks))} ·{' '}
                    {t('oneOnOnes.minutes', { count: s.durationMinutes })}
                  </Text>
                  <dl className={classes.details} style={{ marginTop: '0.5rem' }}>
                    <dt>{t('oneOnOnes.meeting.when')}</dt>
                    <dd>
                      {s.nextMeeting ? (
                        <Anchor
                          component={Link}
                          to={meetingPath(s.nextMeeting.id)}
                          aria-label={t('oneOnOnes.list.prepare', {
                            date: fmt.dateTime(s.nextMeeting.scheduledAt),
                          })}
                        >
                          {fmt.dateTime(s.nextMeeting.scheduledAt)}
                        </Anchor>
                      ) : (
                        t('oneOnOnes.list.noNext')
                      )}
                    </dd>
                    <dt>{t('oneOnOnes.series.openActions')}</dt>
                    <dd>{t('oneOnOnes.list.openActions', { count: s.openActions })}</dd>
                  </dl>
                </Card>
              );
            })}
          </SimpleGrid>
        )}
      </section>

      {isManager && <RatingsCard />}

      <Card withBorder component="section" aria-labelledby="oo-plan">
        <Title order={2} size="h3" id="oo-plan" mb="xs">
          {t('oneOnOnes.plan.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('oneOnOnes.plan.intro')}
        </Text>
        <PlanSeriesForm />
      </Card>
    </Stack>
  );
}

/** Aggregate only, and only above the organisation's k: no single rating can be read here. */
function RatingsCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const summary = useRatingSummary(true);
  const score = (v: number) => t('oneOnOnes.ratings.outOf5', { value: fmt.number(Math.round(v * 10) / 10) });
  return (
    <Card withBorder component="section" aria-labelledby="oo-ratings">
      <Title order={2} size="h3" id="oo-ratings" mb="xs">
        {t('oneOnOnes.ratings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('oneOnOnes.ratings.intro')}
      </Text>
      {summary.isPending && <PageLoader />}
      {summary.isError && <ErrorAlert error={summary.error} />}
      {summary.data &&
        (summary.data.averages ? (
          <>
            <dl className={classes.details}>
              <dt>{t('oneOnOnes.ratings.structured')}</dt>
              <dd>{score(summary.data.averages.structured)}</dd>
              <dt>{t('oneOnOnes.ratings.useful')}</dt>
              <dd>{score(summary.data.averages.useful)}</dd>
              <dt>{t('oneOnOnes.ratings.couldSpeak')}</dt>
              <dd>{score(summary.data.averages.couldSpeak)}</dd>
            </dl>
            <Text size="sm" c="dimmed" mt="xs">
              {t('oneOnOnes.ratings.raters', { count: summary.data.raters })}
            </Text>
          </>
        ) : (
          <Alert
            color="gray"
            title={t('oneOnOnes.ratings.notEnough', { n: summary.data.raters, k: summary.data.k })}
          >
            {t('oneOnOnes.ratings.notEnoughHelp', { k: summary.data.k })}
          </Alert>
        ))}
    </Card>
  );
}
