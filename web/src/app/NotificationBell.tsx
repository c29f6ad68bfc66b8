import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from './translator.ts';
import type { NotificationItem } from '../../../core/api/delegation.schemas.ts';
import { api, post } from './api.ts';
import { relativeTime } from '../ui/intl.ts';

interface NotificationList {
  items: NotificationItem[];
  unread: number;
}

const key = ['notifications'] as const;

function BellIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="none" aria-hidden focusable="false">
      <path
        d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16Z M10 20a2 2 0 0 0 4 0"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * The dropdown's list, a component of its own: while the dropdown is closed nothing of it is computed (the first
 * relative date loads the browser's date rules, several milliseconds on a slow phone).
 */
function NotificationItems({
  items,
  onOpen,
}: {
  items: NotificationItem[];
  onOpen: (n: NotificationItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'fr';
  const now = Date.now();

  const text = (n: NotificationItem) => {
    const params: Record<string, string | number> = { ...n.params };
    if (typeof n.params.level === 'number' || typeof n.params.level === 'string') {
      const name = `delegation.levels.${n.params.level}.name`;
      if (i18n.exists(name)) params.levelName = t(name);
    }
    if (n.kind === 'delegation.alert' && n.params.value === undefined) {
      return t('notifications.alertConditionMet', params);
    }
    const k = `notifications.kinds.${n.kind}`;
    return i18n.exists(k) ? t(k, params) : t('notifications.unknown');
  };

  return (
    <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((n) => (
        <Box
          component="li"
          key={n.id}
          px="sm"
          py={8}
          bg={n.read ? undefined : 'blue.0'}
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Anchor
            component={Link}
            to={n.link}
            size="sm"
            c="gray.9"
            fw={n.read ? 400 : 600}
            style={{ display: 'block', overflowWrap: 'anywhere' }}
            onClick={() => onOpen(n)}
          >
            {!n.read && <VisuallyHidden>{t('notifications.unreadMark')}</VisuallyHidden>}
            {text(n)}
          </Anchor>
          <Text size="xs" c="dimmed" component="time" dateTime={n.createdAt}>
            {relativeTime(lang, n.createdAt, now)}
          </Text>
        </Box>
      ))}
    </Stack>
  );
}

/** The header's bell: unread count, the latest notifications, "mark all as read". Polls every minute. */
export function NotificationBell() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const list = useQuery({
    queryKey: key,
    queryFn: () => api<NotificationList>('/api/notifications'),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  const read = useMutation({
    mutationFn: (ids?: string[]) => post<NotificationList>('/api/notifications/read', ids ? { ids } : {}),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  // Pushed to the right of the header, next to the user menu.
  return (
    <Box ml="auto">
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width={360}
        shadow="md"
        trapFocus
        returnFocus
        withinPortal
      >
        <Indicator
          label={unread > 99 ? '99+' : unread}
          disabled={unread === 0}
          size={18}
          color="red.8"
          offset={6}
          inline
        >
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray.8"
              size="lg"
              aria-label={t('notifications.bell', { count: unread })}
              onClick={() => {
                if (!opened) void list.refetch();
                setOpened((o) => !o);
              }}
            >
              <BellIcon />
            </ActionIcon>
          </Popover.Target>
        </Indicator>
        <Popover.Dropdown p={0} aria-labelledby="notifications-title" maw="calc(100vw - 1rem)">
          <Group justify="space-between" px="sm" py="xs" gap="xs" wrap="nowrap">
            <Title order={2} size="h5" id="notifications-title">
              {t('notifications.title')}
            </Title>
            <Button
              size="compact-sm"
              variant="subtle"
              disabled={unread === 0}
              loading={read.isPending}
              onClick={() => read.mutate(undefined)}
            >
              {t('notifications.markAll')}
            </Button>
          </Group>
          <ScrollArea.Autosize mah={420} type="auto">
            {items.length === 0 ? (
              <Text size="sm" c="dimmed" px="sm" pb="sm">
                {t('notifications.empty')}
              </Text>
            ) : (
              <NotificationItems
                items={items}
                onOpen={(n) => {
                  if (!n.read) read.mutate([n.id]);
                  setOpened(false);
                }}
              />
            )}
          </ScrollArea.Autosize>
        </Popover.Dropdown>
      </Popover>
    </Box>
  );
}
