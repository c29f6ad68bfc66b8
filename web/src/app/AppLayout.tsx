import {
  AppShell,
  Avatar,
  Burger,
  Divider,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import '@mantine/notifications/styles.css';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from './translator.ts';
import { SkipLink } from '../ui/SkipLink.tsx';
import { initials } from '../ui/format.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { useMe, useSignOut } from './session.ts';

interface NavItem {
  to: string;
  label: string;
  exact?: boolean;
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  const main: NavItem[] = [
    { to: '/', label: t('nav.home'), exact: true },
    { to: '/people', label: t('nav.people'), exact: true },
    { to: '/people/chart', label: t('nav.orgChart'), exact: true },
    { to: '/one-on-ones', label: t('nav.oneOnOnes') },
    { to: '/okr', label: t('okr.nav') },
    { to: '/delegation', label: t('nav.delegation') },
    { to: '/clarity', label: t('clarityTools.nav') },
    { to: '/autonomy', label: t('nav.autonomy') },
    { to: '/profile', label: t('nav.profile') },
  ];
  const admin: NavItem[] = [
    { to: '/admin/organisation', label: t('nav.admin.organisation') },
    { to: '/admin/import', label: t('nav.admin.import') },
    { to: '/admin/outbox', label: t('nav.admin.outbox') },
    { to: '/admin/audit', label: t('nav.admin.audit') },
  ];
  const isActive = (item: NavItem) =>
    item.exact ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`);
  // A person page belongs to the directory in the navigation.
  const activeFor = (item: NavItem) =>
    isActive(item) || (item.to === '/people' && /^\/people\/(?!chart$)[^/]+$/.test(pathname));

  const link = (item: NavItem) => (
    <NavLink
      key={item.to}
      component={Link}
      to={item.to}
      // The router's own fuzzy matching would also mark "/people" on "/people/chart": activeFor decides.
      activeOptions={{ exact: true }}
      label={item.label}
      active={activeFor(item)}
      aria-current={activeFor(item) ? 'page' : undefined}
      onClick={close}
    />
  );

  return (
    <>
      <SkipLink target="main-content" label={t('nav.skipToContent')} />
      <Notifications position="top-center" />
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
              <Text component={Link} to="/" fw={700} fz="lg" c="blue.9" style={{ textDecoration: 'none' }}>
                {t('app.name')}
              </Text>
              <Text c="dimmed" size="sm" truncate visibleFrom="xs">
                {me.organisation.name}
              </Text>
            </Group>
            <NotificationBell />
            <Menu position="bottom-end" width={220}>
              <Menu.Target>
                <UnstyledButton aria-label={t('nav.userMenu', { name: me.person.name })}>
                  <Group gap="xs" wrap="nowrap">
                    <Avatar color="blue" radius="xl" size="sm" aria-hidden>
                      {initials(me.person.firstName, me.person.lastName)}
                    </Avatar>
                    <Text size="sm" visibleFrom="sm">
                      {me.person.name}
                    </Text>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.person.email}</Menu.Label>
                <Menu.Item component={Link} to="/profile">
                  {t('nav.profile')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" onClick={() => void signOut()}>
                  {t('nav.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="xs" id="main-navigation" aria-label={t('nav.label')}>
          <ScrollArea type="auto">
            {main.map(link)}
            {me.person.isAdmin && (
              <>
                <Divider my="xs" />
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4} id="admin-nav-title">
                  {t('nav.admin.title')}
                </Text>
                <div role="group" aria-labelledby="admin-nav-title">
                  {admin.map(link)}
                  <NavLink href="/api/docs" label={t('nav.admin.apiDocs')} target="_blank" rel="noopener" />
                </div>
              </>
            )}
          </ScrollArea>
        </AppShell.Navbar>

        <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
