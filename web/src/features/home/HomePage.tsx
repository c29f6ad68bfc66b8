import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Me } from '../../../../core/api/org.schemas.ts';
import { useTranslation } from '../../app/translator.ts';
import { useMe } from '../../app/session.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { TeamList } from '../people/TeamList.tsx';
import { personPath, teamQuery } from '../people/people.api.ts';

/**
 * The home route's loader: the team arrives with the page, which is then drawn once, complete, instead of
 * drawing a loader in its place first. A failed answer is shown by the list itself.
 */
export async function loadHome(queryClient: QueryClient, me: Me): Promise<void> {
  if (me.person.directReports > 0)
    await queryClient.ensureQueryData(teamQuery(me.person.id, 'direct')).catch(() => undefined);
}

export function HomePage() {
  const { t } = useTranslation();
  const { person, organisation } = useMe();

  const links = [
    { to: '/profile', label: t('home.links.profile'), help: t('home.links.profileHelp') },
    { to: '/people', label: t('home.links.people'), help: t('home.links.peopleHelp') },
    { to: '/people/chart', label: t('home.links.chart'), help: t('home.links.chartHelp') },
    ...(person.isAdmin
      ? [
          { to: '/admin/import', label: t('home.links.import'), help: t('home.links.importHelp') },
          {
            to: '/admin/organisation',
            label: t('home.links.organisation'),
            help: t('home.links.organisationHelp'),
          },
        ]
      : []),
  ];

  return (
    <Stack>
      <PageTitle>{t('home.greeting', { firstName: person.firstName })}</PageTitle>
      <Text c="dimmed">{t('home.intro', { organisation: organisation.name })}</Text>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="home-manager">
          <Title order={2} size="h4" id="home-manager" mb="xs">
            {t('home.manager.title')}
          </Title>
          {person.manager ? (
            <Anchor component={Link} to={personPath(person.manager.id)}>
              {person.manager.name}
            </Anchor>
          ) : (
            <Text c="dimmed">{t('home.manager.none')}</Text>
          )}
        </Card>
        <Card withBorder component="section" aria-labelledby="home-team">
          <Title order={2} size="h4" id="home-team" mb="xs">
            {t('home.team.title', { count: person.directReports })}
          </Title>
          {person.directReports > 0 ? (
            <TeamList personId={person.id} scope="direct" />
          ) : (
            <Text c="dimmed">{t('home.team.none')}</Text>
          )}
        </Card>
      </SimpleGrid>

      <section aria-labelledby="home-links">
        <Title order={2} size="h4" id="home-links" mb="xs">
          {t('home.links.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {links.map((l) => (
            <Card component="li" withBorder key={l.to} padding="md">
              <Anchor component={Link} to={l.to} fw={600}>
                {l.label}
              </Anchor>
              <Text size="sm" c="dimmed">
                {l.help}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
