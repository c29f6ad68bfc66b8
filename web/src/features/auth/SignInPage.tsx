import { Alert, Anchor, Button, Divider, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useRouter, useSearch } from '@tanstack/react-router';
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { prerenderedValue, takeOver } from '../../app/prerendered.ts';
import { setupQuery } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { signInWithPassword, signInWithSso, verifyBackupCode, verifyTotp } from './auth.api.ts';

type Step = 'password' | 'totp' | 'backup';

export function SignInPage() {
  const { t } = useTranslation();
  const router = useRouter();
  const queryClient = useQueryClient();
  const search = useSearch({ from: '/sign-in' });
  const setup = useQuery(setupQuery);
  const [step, setStep] = useState<Step>('password');
  // What was typed in the pre-rendered copy of this page (app/prerendered.ts) before the app's code ran.
  const [email, setEmail] = useState(() => prerenderedValue('username'));
  const [password, setPassword] = useState(() => prerenderedValue('current-password'));
  const [code, setCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // This page is on screen: the pre-rendered copy goes in the same frame, keeping what was typed since the
  // first render (values, focus) and a submit asked for while the app was starting.
  useLayoutEffect(() => {
    const taken = takeOver();
    if (!taken) return;
    const { username, 'current-password': typed } = taken.values;
    if (username !== undefined) setEmail(username);
    if (typed !== undefined) setPassword(typed);
    if (taken.submit) queueMicrotask(() => form.current?.requestSubmit());
  }, []);

  const enterApp = () => {
    queryClient.removeQueries({ queryKey: ['me'] });
    router.history.push(search.redirect ?? '/');
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = t('errors.required', { field: t('fields.email') });
    if (!password) errors.password = t('errors.required', { field: t('fields.password') });
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    void run(async () => {
      const answer = await signInWithPassword(email.trim(), password);
      if (answer.twoFactorRedirect) {
        setStep('totp');
        setPassword('');
      } else enterApp();
    });
  };

  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.replace(/\s/g, '');
    if (!trimmed) {
      setFieldErrors({ code: t('errors.required', { field: t('auth.twoFactor.code') }) });
      return;
    }
    setFieldErrors({});
    void run(async () => {
      await (step === 'backup' ? verifyBackupCode(trimmed) : verifyTotp(trimmed));
      enterApp();
    });
  };

  if (step !== 'password') {
    return (
      <AuthLayout title={t('auth.twoFactor.title')} subtitle={t(`auth.twoFactor.${step}Intro`)}>
        <form onSubmit={submitCode} noValidate>
          <Stack>
            <ErrorAlert error={error} />
            <TextInput
              label={step === 'backup' ? t('auth.twoFactor.backupCode') : t('auth.twoFactor.code')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={fieldErrors.code}
              autoComplete="one-time-code"
              inputMode={step === 'backup' ? 'text' : 'numeric'}
              required
              data-autofocus
              autoFocus
            />
            <Button type="submit" loading={busy}>
              {t('auth.twoFactor.submit')}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setStep(step === 'backup' ? 'totp' : 'backup');
                setCode('');
                setError(null);
              }}
            >
              {step === 'backup' ? t('auth.twoFactor.useApp') : t('auth.twoFactor.useBackup')}
            </Anchor>
          </Stack>
        </form>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('auth.signIn.title')}>
      <form ref={form} onSubmit={submitPassword} noValidate>
        <Stack>
          {search.error && !error && (
            <Alert color="red" role="alert">
              {t('auth.signIn.ssoFailed')}
            </Alert>
          )}
          <ErrorAlert error={error} />
          <TextInput
            label={t('auth.signIn.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.email}
            required
          />
          <PasswordField
            label={t('auth.signIn.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            required
          />
          <Button type="submit" loading={busy}>
            {t('auth.signIn.submit')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth.signIn.forgot')}
          </Anchor>
        </Stack>
      </form>
      {setup.data?.sso && (
        <>
          <Divider my="lg" label={t('auth.signIn.or')} labelPosition="center" />
          <Button variant="default" fullWidth loading={busy} onClick={() => void run(signInWithSso)}>
            {t('auth.signIn.sso')}
          </Button>
        </>
      )}
      <Text size="xs" c="dimmed" mt="lg">
        {t('auth.signIn.noAccount')}
      </Text>
    </AuthLayout>
  );
}
