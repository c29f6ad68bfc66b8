import { Button, Group } from '@mantine/core';
import { useTranslation } from '../app/translator.ts';
import type { Locale } from '../../../core/api/common.schemas.ts';

interface LanguageSwitchProps {
  value: Locale;
  onChange: (locale: Locale) => void;
  disabled?: boolean;
}

const locales: Locale[] = ['fr', 'en'];

/** Two toggle buttons, each named in its own language (lighter than a segmented control on the sign-in page). */
export function LanguageSwitch({ value, onChange, disabled }: LanguageSwitchProps) {
  const { t } = useTranslation();
  return (
    <Group gap={4} role="group" aria-label={t('ui.language.label')} wrap="nowrap">
      {locales.map((l) => (
        <Button
          key={l}
          size="compact-sm"
          variant={l === value ? 'filled' : 'subtle'}
          aria-pressed={l === value}
          lang={l}
          disabled={disabled}
          onClick={() => l !== value && onChange(l)}
        >
          {t(`ui.language.${l}`)}
        </Button>
      ))}
    </Group>
  );
}
