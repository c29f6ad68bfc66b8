import { Alert, Button, Center, Container, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from './translator.ts';
import { ApiError } from './api.ts';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t('app.notFound.title')}</Title>
        <Text>{t('app.notFound.body')}</Text>
        <Button component={Link} to="/" variant="outline" w="fit-content">
          {t('app.notFound.home')}
        </Button>
      </Stack>
    </Container>
  );
}

export function PageError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const message = error instanceof ApiError ? error.message : t('errors.internal');
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t('app.error.title')}</Title>
        <Alert color="red" role="alert">
          {message}
        </Alert>
        <Button onClick={reset} variant="outline" w="fit-content">
          {t('app.error.retry')}
        </Button>
      </Stack>
    </Container>
  );
}

/** Outside the signed-in shell there is no main landmark yet. */
export function RootNotFound() {
  return (
    <main>
      <NotFound />
    </main>
  );
}
