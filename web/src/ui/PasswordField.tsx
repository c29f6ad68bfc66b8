import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from '../app/translator.ts';

/** Mantine's password input with a translated name on its show/hide button. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ 'aria-label': t('ui.password.toggle') }}
      visibilityToggleFocusable
      {...props}
    />
  );
}
