import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { ObjectiveForm } from './ObjectiveForm.tsx';
import { ObjectiveView, StatusBadge } from './ObjectiveView.tsx';
import { type TeamPage as TeamPageData, objectivePath, useTeam } from './okr.api.ts';
import { useOkrFormat } from './okr.format.ts';

export function TeamPage() {
  const { id } = useParams({ from: '/app/okr/teams/$id' });
  const team = useTeam(id);
  if (team.isPending) return <PageLoader />;
  if (team.isError) return <ErrorAlert error={team.error} />;
  return <TeamView key={id} team={team.data} />;
}

function TeamView({ team }: { team: TeamPageData }) {
  const { t } = useTranslation();
  const fmt = useOkrFormat();
  const navigate = useNavigate();
  const [writing, setWriting] = useState(false);
  const showForm = team.permissions.create && (team.current === null || writing);
  return (
    <Stack>
      <PageTitle
        actions={
          <Anchor component={Link} to="/okr">
            {t('okr.back')}
          </Anchor>
        }
      >
        {t('okr.team.title', { name: team.teamManager.name })}
      </PageTitle>
      {team.current && <ObjectiveView objective={team.current} candidates={team.parentCandidates} />}
      {!team.current && !team.permissions.create && <Alert color="gray">{t('okr.team.none')}</Alert>}
      {showForm ? (
        <Card withBorder component="section" aria-labelledby="okr-objective-form-title">
          <Title order={2} size="h3" id="okr-objective-form-title" mb="xs">
            {t('okr.form.heading')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('okr.form.intro')}
          </Text>
          <ObjectiveForm
            mode="create"
            managerId={team.teamManager.id}
            candidates={team.parentCandidates}
            periodKind={team.periodKind}
            onDone={(o) => {
              setWriting(false);
              if (team.current) void navigate({ to: objectivePath(o.id) });
            }}
            onCancel={team.current ? () => setWriting(false) : undefined}
          />
        </Card>
      ) : (
        team.permissions.create && (
          <Group>
            <Button variant="default" onClick={() => setWriting(true)}>
              {t('okr.team.another')}
            </Button>
          </Group>
        )
      )}
      {team.objectives.length > 0 && (
        <Card withBorder component="section" aria-labelledby="okr-all-objectives">
          <Title order={2} size="h3" id="okr-all-objectives" mb="sm">
            {t('okr.team.all')}
          </Title>
          <ScrollRegion label={t('okr.team.all')}>
            <Table striped fz="sm" miw={340}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('okr.team.period')}</Table.Th>
                  <Table.Th scope="col">{t('okr.team.objective')}</Table.Th>
                  <Table.Th scope="col">{t('okr.team.progress')}</Table.Th>
                  <Table.Th scope="col">{t('okr.team.reviews')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {team.objectives.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      {t('okr.team.range', {
                        from: fmt.shortDate(o.periodStart),
                        to: fmt.shortDate(o.periodEnd),
                      })}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Anchor component={Link} to={objectivePath(o.id)}>
                        {o.title}
                      </Anchor>
                      {o.status === 'archived' && (
                        <Text span size="xs" c="dimmed" display="block">
                          {t('okr.objective.archived')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {fmt.percent(o.progress)}
                        <StatusBadge status={o.health} />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {t('okr.team.reviewCounts', { done: o.reviewsDone, missed: o.reviewsMissed })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </Card>
      )}
    </Stack>
  );
}
