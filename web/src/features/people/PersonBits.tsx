import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from '../../app/translator.ts';
import type { PersonDetail, PersonSummary } from './people.api.ts';

export function StatusBadge({ status }: { status: PersonSummary['status'] }) {
  const { t } = useTranslation();
  return (
    // Never squeezed into "INVIT…" beside a long name on a phone: the text next to it wraps instead.
    <Badge color={status === 'active' ? 'green' : 'orange'} variant="dot" style={{ flexShrink: 0 }}>
      {t(`people.status.${status}`)}
    </Badge>
  );
}

export function SkillLevelLabel({ level }: { level: number }) {
  const { t } = useTranslation();
  return <>{t(`people.skills.level${level}`)}</>;
}

export function SkillList({ skills }: { skills: PersonDetail['skills'] }) {
  const { t } = useTranslation();
  if (skills.length === 0) return <Text c="dimmed">{t('people.skills.none')}</Text>;
  return (
    <Group component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {skills.map((s) => (
        <li key={s.name}>
          <Badge variant="outline" color="gray.8" size="lg" tt="none" fw={500}>
            {s.name} · {t(`people.skills.level${s.level}`)}
          </Badge>
        </li>
      ))}
    </Group>
  );
}
