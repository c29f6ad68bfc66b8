import { Alert, Anchor, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../app/translator.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { StatusBadge } from './ObjectiveView.tsx';
import { teamPath, useOverview } from './okr.api.ts';
import { useOkrFormat } from './okr.format.ts';

/** Cap: the caller's teams (the one they lead, the one they belong to, those led by their reports). */
export function OkrPage() {
  const { t } = useTranslation();
  const fmt = useOkrFormat();
  const overview = useOverview();
  return (
    <Stack>
      <PageTitle>{t('okr.title')}</PageTitle>
      <Text c="dimmed">{t('okr.intro')}</Text>
      {overview.isPending && <PageLoader />}
      {overview.isError && <ErrorAlert error={overview.error} />}
      {overview.data && overview.data.teams.length === 0 && (
        <Alert color="gray">{t('okr.overview.empty')}</Alert>
      )}
      {overview.data && overview.data.teams.length > 0 && (
        <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} p={0} m={0} style={{ listStyle: 'none' }}>
          {overview.data.teams.map((team) => (
            <Card component="li" withBorder key={`${team.relation}-${team.teamManager.id}`}>
              <Text size="sm" c="dimmed">
                {t(`okr.overview.relation.${team.relation}`)}
              </Text>
              <Title order={2} size="h4" mb="xs">
                <Anchor component={Link} to={teamPath(team.teamManager.id)}>
                  {t('okr.overview.team', { name: team.teamManager.name })}
                </Anchor>
              </Title>
              {team.current ? (
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {team.current.title}
                    </Text>
                    <StatusBadge status={team.current.health} />
                  </Group>
                  <Progress
                    value={Math.round(team.current.progress * 100)}
                    aria-label={t('okr.objective.progressLabel', {
                      value: fmt.percent(team.current.progress),
                    })}
                  />
                  <Text size="sm" c="dimmed">
                    {t('okr.overview.summary', {
                      progress: fmt.percent(team.current.progress),
                      krs: team.current.keyResults,
                      missed: team.current.reviewsMissed,
                    })}
                  </Text>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {team.relation === 'lead' ? t('okr.overview.noneLead') : t('okr.overview.none')}
                </Text>
              )}
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
