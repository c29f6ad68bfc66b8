import { Alert, Button, Checkbox, Stack, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { changePassword } from './profile.api.ts';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [revokeOthers, setRevokeOthers] = useState(true);
  const [errors, setErrors] = useState<{ current?: string; next?: string; confirm?: string }>({});
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!current) found.current = t('errors.required', { field: t('profile.password.current') });
    if (next.length < 10) found.next = t('auth.password.tooShort');
    else if (next !== confirm) found.confirm = t('auth.password.mismatch');
    setErrors(found);
    if (found.current || found.next || found.confirm) return;
    change.mutate({ currentPassword: current, newPassword: next, revokeOtherSessions: revokeOthers });
  };

  return (
    <section aria-labelledby="profile-password">
      <Title order={3} size="h4" id="profile-password" mb="xs">
        {t('profile.password.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={420}>
          <ErrorAlert error={change.error} />
          {change.isSuccess && (
            <Alert color="green" role="status">
              {t('profile.password.changed')}
            </Alert>
          )}
          <PasswordField
            label={t('profile.password.current')}
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.current}
            required
          />
          <PasswordField
            label={t('profile.password.new')}
            description={t('auth.password.rule')}
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.next}
            required
          />
          <PasswordField
            label={t('profile.password.confirm')}
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
            required
          />
          <Checkbox
            label={t('profile.password.revokeOthers')}
            checked={revokeOthers}
            onChange={(e) => setRevokeOthers(e.currentTarget.checked)}
          />
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t('profile.password.submit')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
