import {
  Alert,
  Anchor,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { useFormat } from '../../ui/format.ts';
import { useTeam } from '../people/people.api.ts';
import {
  IndicatorHeadline,
  LEVELS,
  LevelBadge,
  PeriodControl,
  RateCell,
  parsePeriod,
} from './AutonomyBits.tsx';
import { DelegationTabs } from './DelegationTabs.tsx';
import { DomainsSection } from './DomainsSection.tsx';
import { PersonAutonomyView } from './PersonAutonomyPage.tsx';
import {
  type Matrix,
  type Period,
  type Scope,
  autonomyPersonPath,
  teamMatrixPath,
  useMatrix,
} from './autonomy.api.ts';
import classes from './autonomy.module.css';

export function AutonomyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ from: '/app/autonomy' });
  const navigate = useNavigate({ from: '/autonomy' });
  const period: Period = parsePeriod(search.period) ?? 90;
  const scope: Scope = search.scope ?? 'team';
  const managerId = search.managerId && search.managerId !== me.person.id ? search.managerId : undefined;

  // Without a team, the page is the person's own autonomy.
  if (!managerId && me.person.directReports === 0) {
    return <PersonAutonomyView id={me.person.id} note={t('autonomy.noTeam')} />;
  }

  const setSearch = (next: { period?: Period; scope?: Scope; managerId?: string }) =>
    void navigate({
      search: (prev) => {
        const merged = { ...prev, ...next };
        return {
          managerId: merged.managerId,
          scope: merged.scope === 'subtree' ? ('subtree' as const) : undefined,
          period: merged.period === 90 ? undefined : merged.period,
        };
      },
      replace: true,
    });

  return (
    <MatrixPage
      managerId={managerId}
      scope={scope}
      period={period}
      onPeriod={(p) => setSearch({ period: p })}
      onScope={(s) => setSearch({ scope: s })}
    />
  );
}

interface MatrixPageProps {
  managerId: string | undefined;
  scope: Scope;
  period: Period;
  onPeriod: (p: Period) => void;
  onScope: (s: Scope) => void;
}

function MatrixPage({ managerId, scope, period, onPeriod, onScope }: MatrixPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const matrix = useMatrix(managerId, scope, period);
  const leadId = managerId ?? me.person.id;
  const team = useTeam(leadId, 'direct');
  const subManagers = new Set((team.data?.items ?? []).filter((p) => p.directReports > 0).map((p) => p.id));
  const viewingOther = managerId !== undefined;
  const scopeId = useId();

  const title =
    viewingOther && matrix.data
      ? t('autonomy.titleOf', { name: matrix.data.manager.name })
      : t('autonomy.title');

  return (
    <Stack>
      <PageTitle
        actions={
          viewingOther && (
            <Anchor component={Link} to="/autonomy">
              {t('autonomy.backToMine')}
            </Anchor>
          )
        }
      >
        {title}
      </PageTitle>
      <DelegationTabs />
      <Text c="dimmed">{t('autonomy.intro')}</Text>

      <Group gap="lg" align="flex-end" wrap="wrap">
        <PeriodControl value={period} onChange={onPeriod} />
        {(subManagers.size > 0 || scope === 'subtree') && (
          <div>
            <Text size="sm" fw={500} id={scopeId} mb={4}>
              {t('autonomy.scope.label')}
            </Text>
            <SegmentedControl
              aria-labelledby={scopeId}
              value={scope}
              onChange={(v) => onScope(v === 'subtree' ? 'subtree' : 'team')}
              data={[
                { value: 'team', label: t('autonomy.scope.team') },
                { value: 'subtree', label: t('autonomy.scope.subtree') },
              ]}
            />
          </div>
        )}
      </Group>

      {matrix.isPending && <PageLoader />}
      {matrix.isError && <ErrorAlert error={matrix.error} />}
      {matrix.data && (
        <>
          <Card withBorder component="section" aria-labelledby="au-team-indicator">
            <Title order={2} size="h3" id="au-team-indicator" mb={4}>
              {t('autonomy.teamIndicator.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('autonomy.teamIndicator.help', { days: period })}
            </Text>
            <IndicatorHeadline indicator={matrix.data.team} title={t('autonomy.teamIndicator.title')} />
          </Card>

          <Card withBorder component="section" aria-labelledby="au-matrix">
            <Title order={2} size="h3" id="au-matrix" mb={4}>
              {t('autonomy.matrix.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('autonomy.matrix.help')}
            </Text>
            <MatrixTable matrix={matrix.data} subManagers={subManagers} period={period} />
            <LevelLegend />
          </Card>
        </>
      )}

      <DomainsSection teamLeadId={matrix.data?.manager.id ?? leadId} />
    </Stack>
  );
}

function MatrixTable({
  matrix,
  subManagers,
  period,
}: {
  matrix: Matrix;
  subManagers: Set<string>;
  period: Period;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (matrix.rows.length === 0) return <Alert color="gray">{t('autonomy.matrix.empty')}</Alert>;
  const names = new Map(matrix.rows.map((r) => [r.person.id, r.person.name]));
  names.set(matrix.manager.id, matrix.manager.name);
  // In the whole subtree, anyone who manages someone in the rows can be opened as a sub-team.
  const managers = new Set([...subManagers, ...matrix.rows.map((r) => r.person.managerId ?? '')]);
  return (
    <>
      {matrix.domains.length === 0 && (
        <Alert color="gray" mb="sm">
          {t('autonomy.matrix.noDomains')}
        </Alert>
      )}
      <ScrollRegion label={t('autonomy.matrix.tableLabel')}>
        <Table className={classes.matrix} verticalSpacing="xs" miw={480}>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
            <VisuallyHidden>{t('autonomy.matrix.caption', { name: matrix.manager.name })}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" className={classes.stickyCell}>
                {t('autonomy.matrix.person')}
              </Table.Th>
              {matrix.domains.map((d) => (
                <Table.Th scope="col" key={d.id} className={classes.levelCell}>
                  {d.name}
                  {d.teamLeadId !== matrix.manager.id && names.has(d.teamLeadId) && (
                    <Text size="xs" c="dimmed" fw={400}>
                      {t('autonomy.matrix.teamOf', { name: names.get(d.teamLeadId) })}
                    </Text>
                  )}
                </Table.Th>
              ))}
              <Table.Th scope="col" miw={190}>
                {t('autonomy.matrix.indicator')}
              </Table.Th>
              <Table.Th scope="col">{t('autonomy.matrix.raised', { days: period })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {matrix.rows.map((row) => (
              <Table.Tr key={row.person.id}>
                <Table.Th scope="row" className={classes.stickyCell} fw={500} miw={150}>
                  <Anchor component={Link} to={autonomyPersonPath(row.person.id)}>
                    {row.person.name}
                  </Anchor>
                  {row.person.jobTitle && (
                    <Text size="xs" c="dimmed" fw={400}>
                      {row.person.jobTitle}
                    </Text>
                  )}
                  {matrix.scope === 'subtree' &&
                    row.person.managerId &&
                    row.person.managerId !== matrix.manager.id && (
                      <Text size="xs" c="dimmed" fw={400}>
                        {t('autonomy.matrix.teamOf', { name: names.get(row.person.managerId) ?? '' })}
                      </Text>
                    )}
                  {managers.has(row.person.id) && (
                    <Anchor
                      component={Link}
                      to={teamMatrixPath(row.person.id)}
                      size="xs"
                      fw={400}
                      display="block"
                      aria-label={t('autonomy.matrix.openTeamNamed', { name: row.person.name })}
                    >
                      {t('autonomy.matrix.openTeam')}
                    </Anchor>
                  )}
                </Table.Th>
                {matrix.domains.map((d) => {
                  const level = row.levels[d.id];
                  return (
                    <Table.Td key={d.id} className={classes.levelCell}>
                      {level ? (
                        <LevelBadge level={level} />
                      ) : (
                        <span className={classes.emptyLevel}>
                          <span aria-hidden>—</span>
                          <VisuallyHidden>{t('autonomy.matrix.noLevel')}</VisuallyHidden>
                        </span>
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  <RateCell indicator={row.indicator} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {row.raisedInPeriod > 0
                    ? t('autonomy.matrix.raisedValue', {
                        count: row.raisedInPeriod,
                        formatted: fmt.number(row.raisedInPeriod),
                      })
                    : t('autonomy.matrix.raisedNone')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </>
  );
}

/** The seven levels, each with its one-line meaning. */
export function LevelLegend() {
  const { t } = useTranslation();
  return (
    <details className={classes.details} style={{ marginTop: '0.75rem' }}>
      <summary>{t('autonomy.levels.legend')}</summary>
      <Stack component="ol" gap={6} p={0} m={0} mt="xs" style={{ listStyle: 'none' }}>
        {LEVELS.map((l) => (
          <Group component="li" key={l} gap="sm" wrap="nowrap" align="flex-start">
            <LevelBadge level={l} />
            <Text size="sm">{t(`autonomy.levels.${l}.meaning`)}</Text>
          </Group>
        ))}
      </Stack>
    </details>
  );
}
