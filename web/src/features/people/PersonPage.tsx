import { Anchor, Button, Card, Group, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import classes from '../../ui/ui.module.css';
import { CadenceReportSection } from '../one-on-ones/CadenceReportSection.tsx';
import { InviteButton } from './InviteButton.tsx';
import { PersonForm } from './PersonForm.tsx';
import { SkillList, StatusBadge } from './PersonBits.tsx';
import { TeamList } from './TeamList.tsx';
import { usePerson, type PersonDetail, personPath } from './people.api.ts';

export function PersonPage() {
  const { id } = useParams({ from: '/app/people/$id' });
  const person = usePerson(id);
  if (person.isPending) return <PageLoader />;
  if (person.isError) return <ErrorAlert error={person.error} />;
  return <PersonView key={id} person={person.data} />;
}

function PersonView({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<string | null>('profile');
  const [scope, setScope] = useState<'direct' | 'subtree'>('direct');

  return (
    <Stack>
      <PageTitle
        actions={
          <Group gap="xs">
            {person.permissions.invite && person.status === 'invited' && (
              <InviteButton id={person.id} name={person.name} size="sm" />
            )}
            {person.permissions.update && !editing && (
              <Button onClick={() => setEditing(true)}>{t('people.person.edit')}</Button>
            )}
          </Group>
        }
      >
        {person.name}
      </PageTitle>
      <Group gap="xs">
        <StatusBadge status={person.status} />
        {person.isAdmin && <Text size="sm">{t('people.person.admin')}</Text>}
      </Group>

      {editing ? (
        <Card withBorder>
          <Title order={2} size="h3" mb="md">
            {t('people.person.editTitle')}
          </Title>
          <PersonForm person={person} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </Card>
      ) : (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="profile">{t('people.person.tabs.profile')}</Tabs.Tab>
            {person.permissions.readTeam && (
              <Tabs.Tab value="team">
                {t('people.person.tabs.team', { count: person.directReports })}
              </Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="profile" pt="md">
            <Stack>
              <Card withBorder>
                <dl className={classes.details}>
                  <dt>{t('fields.email')}</dt>
                  <dd>
                    <Anchor href={`mailto:${person.email}`}>{person.email}</Anchor>
                  </dd>
                  <dt>{t('fields.jobTitle')}</dt>
                  <dd>{person.jobTitle || t('people.person.notSet')}</dd>
                  <dt>{t('fields.team')}</dt>
                  <dd>{person.team || t('people.person.notSet')}</dd>
                  <dt>{t('fields.managerId')}</dt>
                  <dd>
                    {person.manager ? (
                      <Anchor component={Link} to={personPath(person.manager.id)}>
                        {person.manager.name}
                      </Anchor>
                    ) : (
                      t('people.person.noManager')
                    )}
                  </dd>
                  <dt>{t('people.person.directReports')}</dt>
                  <dd>{t('people.chart.reports', { count: person.directReports })}</dd>
                </dl>
              </Card>
              <Card withBorder>
                <Title order={2} size="h4" mb="xs">
                  {t('fields.jobDescription')}
                </Title>
                <Text className={classes.preWrap} c={person.jobDescription ? undefined : 'dimmed'}>
                  {person.jobDescription || t('people.person.noDescription')}
                </Text>
              </Card>
              <Card withBorder>
                <Title order={2} size="h4" mb="xs">
                  {t('people.skills.title')}
                </Title>
                <SkillList skills={person.skills} />
              </Card>
              <CadenceReportSection personId={person.id} />
            </Stack>
          </Tabs.Panel>
          {person.permissions.readTeam && (
            <Tabs.Panel value="team" pt="md">
              <Stack>
                <SegmentedControl
                  aria-label={t('people.team.scope')}
                  value={scope}
                  onChange={(v) => setScope(v === 'subtree' ? 'subtree' : 'direct')}
                  data={[
                    { value: 'direct', label: t('people.team.direct') },
                    { value: 'subtree', label: t('people.team.subtree') },
                  ]}
                  w="fit-content"
                />
                <TeamList personId={person.id} scope={scope} />
              </Stack>
            </Tabs.Panel>
          )}
        </Tabs>
      )}
    </Stack>
  );
}
