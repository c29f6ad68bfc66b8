import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type Suggestion, useSuggestions } from './delegation.api.ts';

interface SuggestionsProps {
  outcome: string;
  domainId: string | null;
  level: number | null;
  chosenId: string | null;
  onChoose: (person: { id: string; name: string }) => void;
}

/** "Who could take it?": up to three people of the team, each with the reason in one line. */
export function Suggestions({ outcome, domainId, level, chosenId, onChoose }: SuggestionsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  // A string, not an object: the debounce restarts only when the inputs really change.
  const [text] = useDebouncedValue(outcome.trim(), 600);
  const suggestions = useSuggestions(text, domainId, level ?? 4);
  const items = (suggestions.data?.items ?? []).slice(0, 3);

  return (
    <Card withBorder component="section" aria-labelledby={headingId} bg="gray.0">
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Title order={2} size="h4" id={headingId}>
          {t('delegation.suggest.title')}
        </Title>
        {suggestions.isFetching && <Loader size="xs" aria-label={t('app.loading')} />}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('delegation.suggest.intro')}
      </Text>
      {suggestions.isError && <ErrorAlert error={suggestions.error} />}
      {suggestions.data && items.length === 0 && (
        <Alert color="gray" variant="light">
          {t('delegation.suggest.none')}
        </Alert>
      )}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-live="polite">
        {items.map((s) => (
          <Card component="li" key={s.person.id} withBorder padding="sm">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {s.person.name}
            </Text>
            <Text size="sm" mb={6}>
              <SuggestionReason suggestion={s} />
            </Text>
            {chosenId === s.person.id ? (
              <Text size="sm" fw={600}>
                {t('delegation.suggest.chosen')}
              </Text>
            ) : (
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => onChoose(s.person)}
                aria-label={t('delegation.suggest.chooseNamed', { name: s.person.name })}
              >
                {t('delegation.suggest.choose')}
              </Button>
            )}
          </Card>
        ))}
      </Stack>
    </Card>
  );
}

/** One line built from the suggestion's facts: skills, current level, open load, growth. */
function SuggestionReason({ suggestion: s }: { suggestion: Suggestion }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (s.matchedSkills.length > 0) {
    parts.push(
      t('delegation.suggest.skills', {
        list: s.matchedSkills
          .slice(0, 3)
          .map((k) => t('delegation.suggest.skill', { name: k.name, level: k.level }))
          .join(', '),
      }),
    );
  }
  if (s.domainLevel !== null) {
    parts.push(
      t('delegation.suggest.domainLevel', {
        level: s.domainLevel,
        name: t(`delegation.levels.${s.domainLevel}.name`),
      }),
    );
  } else {
    parts.push(t('delegation.suggest.noDomainLevel'));
  }
  parts.push(t('delegation.suggest.load', { count: s.openLoad }));
  if (s.reason === 'growth') parts.push(t('delegation.suggest.growth'));
  else if (s.fitsLevel) parts.push(t('delegation.suggest.fits'));
  const line = parts.join(' · ');
  return <>{line.charAt(0).toLocaleUpperCase() + line.slice(1)}</>;
}
