import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { currentLocale, setLocale } from '../../app/i18n.ts';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';

interface AuthLayoutProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  size?: number;
}

/** Signed-out pages: a header with the language choice, and one card. */
export function AuthLayout({ title, subtitle, children, size = 440 }: AuthLayoutProps) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(`${title} · ${t('app.name')}`);
  return (
    <Box bg="gray.0" mih="100vh">
      <Group component="header" justify="space-between" px="md" py="sm" wrap="nowrap">
        <Text fw={700} fz="lg" c="blue.9">
          {t('app.name')}
        </Text>
        <LanguageSwitch
          value={currentLocale()}
          onChange={(l) => void setLocale(l)}
          key={i18n.resolvedLanguage}
        />
      </Group>
      <Container component="main" size={size} px="md" py="lg">
        <Stack gap="xs" mb="lg">
          <Title order={1} size="h2">
            {title}
          </Title>
          {subtitle && <Text c="dimmed">{subtitle}</Text>}
          <Text size="sm" c="dimmed">
            {t('app.tagline')}
          </Text>
        </Stack>
        <Paper withBorder shadow="xs" p="lg" radius="md">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
