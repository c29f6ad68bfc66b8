import { Alert, Badge, Button, Code, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import classes from '../../ui/ui.module.css';
import { enableTotp, totpSecret, useConfirmTotp, useDisableTotp, type TotpSetup } from './profile.api.ts';

export function TwoFactorSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string>();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [justEnabled, setJustEnabled] = useState(false);
  const start = useMutation({ mutationFn: enableTotp, onSuccess: (s) => setSetup(s) });
  const confirm = useConfirmTotp();
  const disable = useDisableTotp();

  const needPassword = () => {
    if (password) return false;
    setPasswordError(t('errors.required', { field: t('profile.twoFactor.password') }));
    return true;
  };

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    if (needPassword()) return;
    setPasswordError(undefined);
    if (enabled) disable.mutate(password, { onSuccess: () => setPassword('') });
    else start.mutate(password, { onSuccess: () => setPassword('') });
  };

  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.replace(/\s/g, '');
    if (!trimmed) {
      setCodeError(t('errors.required', { field: t('auth.twoFactor.code') }));
      return;
    }
    setCodeError(undefined);
    confirm.mutate(trimmed, {
      onSuccess: () => {
        setJustEnabled(true);
        setCode('');
      },
    });
  };

  return (
    <section aria-labelledby="profile-2fa">
      <Group gap="sm" mb="xs">
        <Title order={3} size="h4" id="profile-2fa">
          {t('profile.twoFactor.title')}
        </Title>
        <Badge color={enabled ? 'green' : 'gray'} variant="dot">
          {enabled ? t('profile.twoFactor.on') : t('profile.twoFactor.off')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('profile.twoFactor.intro')}
      </Text>

      {setup && !enabled ? (
        <Stack maw={560}>
          <Text size="sm">{t('profile.twoFactor.step1')}</Text>
          <Stack gap={4}>
            <Text size="sm" fw={600} id="totp-uri-label">
              {t('profile.twoFactor.uri')}
            </Text>
            <Code block className={classes.preWrap} aria-labelledby="totp-uri-label">
              {setup.totpURI}
            </Code>
            <Text size="sm" fw={600} id="totp-secret-label">
              {t('profile.twoFactor.secret')}
            </Text>
            <Code block aria-labelledby="totp-secret-label" data-testid="totp-secret">
              {totpSecret(setup.totpURI)}
            </Code>
          </Stack>
          <Text size="sm">{t('profile.twoFactor.backupIntro')}</Text>
          <List size="sm" spacing={2} aria-label={t('profile.twoFactor.backupCodes')}>
            {setup.backupCodes.map((c) => (
              <List.Item key={c}>
                <Code>{c}</Code>
              </List.Item>
            ))}
          </List>
          <form onSubmit={submitCode} noValidate>
            <Stack>
              <ErrorAlert error={confirm.error} />
              <TextInput
                label={t('auth.twoFactor.code')}
                description={t('profile.twoFactor.step2')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={codeError}
                autoComplete="one-time-code"
                inputMode="numeric"
                required
              />
              <Group>
                <Button type="submit" loading={confirm.isPending}>
                  {t('profile.twoFactor.confirm')}
                </Button>
                <Button variant="default" onClick={() => setSetup(null)}>
                  {t('people.form.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      ) : (
        <form onSubmit={submitPassword} noValidate>
          <Stack maw={420}>
            {justEnabled && enabled && (
              <Alert color="green" role="status">
                {t('profile.twoFactor.enabled')}
              </Alert>
            )}
            {disable.isSuccess && !enabled && (
              <Alert color="green" role="status">
                {t('profile.twoFactor.disabled')}
              </Alert>
            )}
            <ErrorAlert error={enabled ? disable.error : start.error} />
            <PasswordField
              label={t('profile.twoFactor.password')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={passwordError}
              required
            />
            <Button
              type="submit"
              variant={enabled ? 'outline' : 'filled'}
              color={enabled ? 'red' : undefined}
              loading={start.isPending || disable.isPending}
              w="fit-content"
            >
              {enabled ? t('profile.twoFactor.disable') : t('profile.twoFactor.enable')}
            </Button>
          </Stack>
        </form>
      )}
    </section>
  );
}
