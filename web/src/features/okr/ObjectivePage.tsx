import { Anchor, Stack } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from '../../app/translator.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ObjectiveView } from './ObjectiveView.tsx';
import { teamPath, useObjective } from './okr.api.ts';

export function ObjectivePage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/okr/objectives/$id' });
  const objective = useObjective(id);
  if (objective.isPending) return <PageLoader />;
  if (objective.isError) return <ErrorAlert error={objective.error} />;
  const o = objective.data;
  return (
    <Stack>
      <PageTitle
        actions={
          <Anchor component={Link} to={teamPath(o.teamManager.id)}>
            {t('okr.backToTeam')}
          </Anchor>
        }
      >
        {t('okr.team.title', { name: o.teamManager.name })}
      </PageTitle>
      <ObjectiveView key={o.id} objective={o} />
    </Stack>
  );
}
