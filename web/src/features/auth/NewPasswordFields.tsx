import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { PasswordField } from '../../ui/PasswordField.tsx';

interface NewPasswordErrors {
  password?: string;
  confirm?: string;
}

/** State and checks of a "new password + confirmation" pair; without `checkLength` the server words the length rule. */
export function useNewPassword({ checkLength = true }: { checkLength?: boolean } = {}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const validate = (): boolean => {
    const next: NewPasswordErrors = {};
    if (checkLength && password.length < 10) next.password = t('auth.password.tooShort');
    else if (password !== confirm) next.confirm = t('auth.password.mismatch');
    setErrors(next);
    return !next.password && !next.confirm;
  };
  return { password, confirm, setPassword, setConfirm, errors, validate };
}

export type NewPasswordState = ReturnType<typeof useNewPassword>;

interface NewPasswordFieldsProps {
  state: NewPasswordState;
  /** Visible name of the first field (« Mot de passe » or « Nouveau mot de passe »). */
  label: string;
  /** A server message for the password, shown when the local checks found nothing. */
  serverError?: string;
}

/** The new password with its rule, then its confirmation: the same pair on every onboarding form. */
export function NewPasswordFields({ state, label, serverError }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={label}
        description={t('auth.password.rule')}
        autoComplete="new-password"
        value={state.password}
        onChange={(e) => state.setPassword(e.currentTarget.value)}
        error={state.errors.password ?? serverError}
        required
      />
      <PasswordField
        label={t('auth.password.confirm')}
        autoComplete="new-password"
        value={state.confirm}
        onChange={(e) => state.setConfirm(e.currentTarget.value)}
        error={state.errors.confirm}
        required
      />
    </>
  );
}
