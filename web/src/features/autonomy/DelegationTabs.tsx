import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from '../../app/translator.ts';
import classes from './autonomy.module.css';

interface Tab {
  to: string;
  key: string;
  /** Whether a path belongs to this tab. */
  match: (pathname: string) => boolean;
}

const tabs: Tab[] = [
  {
    to: '/delegation',
    key: 'cards',
    match: (p) =>
      p === '/delegation' ||
      p.startsWith('/delegation/cards') ||
      p.startsWith('/delegation/new') ||
      p === '/delegation/',
  },
  { to: '/autonomy', key: 'autonomy', match: (p) => p === '/autonomy' || p.startsWith('/autonomy/') },
  { to: '/delegation/review', key: 'review', match: (p) => p.startsWith('/delegation/review') },
  { to: '/delegation/handovers', key: 'handovers', match: (p) => p.startsWith('/delegation/handovers') },
  { to: '/delegation/learning', key: 'learning', match: (p) => p.startsWith('/delegation/learning') },
];

/**
 * The sub-navigation shared by the delegation pages (cards, autonomy, review sample, handovers, learning log).
 * Links, not ARIA tabs: each one is a page with its own address. Scrolls sideways on a phone.
 */
export function DelegationTabs() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <nav aria-label={t('autonomy.tabs.label')}>
      <ul className={classes.tabs}>
        {tabs.map((tab) => {
          const active = tab.match(pathname);
          return (
            <li key={tab.key}>
              <Link
                to={tab.to}
                className={classes.tab}
                aria-current={active ? 'page' : undefined}
                activeOptions={{ exact: true }}
                activeProps={{}}
              >
                {t(`autonomy.tabs.${tab.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
