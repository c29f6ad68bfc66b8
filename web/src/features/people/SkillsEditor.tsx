import { Button, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from '../../app/translator.ts';
import type { PersonDetail } from './people.api.ts';

type Skill = PersonDetail['skills'][number];

interface SkillsEditorProps {
  value: Skill[];
  onChange: (skills: Skill[]) => void;
  errorFor: (field: string) => string | undefined;
}

export function SkillsEditor({ value, onChange, errorFor }: SkillsEditorProps) {
  const { t } = useTranslation();
  const levels = [1, 2, 3, 4].map((l) => ({ value: String(l), label: t(`people.skills.level${l}`) }));
  const update = (index: number, patch: Partial<Skill>) =>
    onChange(value.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  return (
    <Fieldset legend={t('people.skills.title')} variant="unstyled">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('people.skills.help')}
        </Text>
        {errorFor('skills') && (
          <Text size="sm" c="red.8" role="alert">
            {errorFor('skills')}
          </Text>
        )}
        {value.map((skill, index) => (
          <Group key={index} align="flex-start" gap="xs" wrap="wrap">
            <TextInput
              label={t('people.skills.name', { n: index + 1 })}
              value={skill.name}
              onChange={(e) => update(index, { name: e.currentTarget.value })}
              error={errorFor(`skills.${index}.name`)}
              style={{ flex: '1 1 12rem' }}
              maxLength={80}
            />
            <Select
              label={t('people.skills.level', { n: index + 1 })}
              data={levels}
              value={String(skill.level)}
              onChange={(v) => update(index, { level: Number(v ?? 2) })}
              error={errorFor(`skills.${index}.level`)}
              allowDeselect={false}
              style={{ flex: '1 1 12rem' }}
            />
            <Button
              variant="subtle"
              color="red"
              mt={{ base: 0, xs: 25 }}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
              aria-label={t('people.skills.removeNamed', {
                name: skill.name || t('people.skills.unnamed', { n: index + 1 }),
              })}
            >
              {t('people.skills.remove')}
            </Button>
          </Group>
        ))}
        <Button
          variant="outline"
          w="fit-content"
          onClick={() => onChange([...value, { name: '', level: 2 }])}
          disabled={value.length >= 30}
        >
          {t('people.skills.add')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
