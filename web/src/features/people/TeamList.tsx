import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../app/translator.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageLoader } from '../../app/RouteStates.tsx';
import { StatusBadge } from './PersonBits.tsx';
import { useTeam, personPath } from './people.api.ts';

export function TeamList({ personId, scope }: { personId: string; scope: 'direct' | 'subtree' }) {
  const { t } = useTranslation();
  const team = useTeam(personId, scope);
  if (team.isPending) return <PageLoader />;
  if (team.isError) return <ErrorAlert error={team.error} />;
  if (team.data.items.length === 0) return <Text c="dimmed">{t('people.team.empty')}</Text>;
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {team.data.items.map((p) => (
        <Group component="li" key={p.id} justify="space-between" wrap="nowrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Anchor component={Link} to={personPath(p.id)} fw={500}>
              {p.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {[p.jobTitle, p.team].filter(Boolean).join(' · ')}
            </Text>
          </div>
          <StatusBadge status={p.status} />
        </Group>
      ))}
    </Stack>
  );
}
