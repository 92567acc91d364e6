/** The menu: each entry shows only to roles with its permission. */
import type { CurrentUser } from './express-augment';
import { can, type Permission } from './permissions';

interface NavEntry {
  href: string;
  labelKey: string;
  permission?: Permission;
}

const ENTRIES: NavEntry[] = [
  { href: '/', labelKey: 'nav.home' },
  { href: '/my-shifts', labelKey: 'nav.myShifts', permission: 'schedule:own' },
  { href: '/rota/fairness', labelKey: 'nav.fairness', permission: 'schedule:own' },
  { href: '/rota', labelKey: 'nav.rota', permission: 'rota:view' },
  { href: '/forecast', labelKey: 'nav.forecast', permission: 'forecast:view' },
  { href: '/staffing', labelKey: 'nav.staffing', permission: 'staffing:view' },
  { href: '/intraday', labelKey: 'nav.intraday', permission: 'staffing:view' },
  { href: '/erlang', labelKey: 'nav.erlang', permission: 'scenarios:run' },
  { href: '/scenarios', labelKey: 'nav.scenarios', permission: 'scenarios:run' },
  { href: '/history', labelKey: 'nav.history', permission: 'history:view' },
  { href: '/history/import', labelKey: 'nav.historyImport', permission: 'history:import' },
  { href: '/staff', labelKey: 'nav.staff', permission: 'team:view' },
  // requests:own is held by exactly the roles with schedule:own, which include every role with requests:decide.
  { href: '/requests', labelKey: 'nav.requests', permission: 'requests:own' },
  { href: '/open-shifts', labelKey: 'nav.openShifts', permission: 'requests:own' },
  { href: '/accounts', labelKey: 'nav.accounts', permission: 'accounts:manage' },
  { href: '/teams', labelKey: 'nav.teams', permission: 'teams:manage' },
  { href: '/account', labelKey: 'nav.account' },
  { href: '/audit', labelKey: 'nav.audit', permission: 'audit:view' },
  { href: '/tokens', labelKey: 'nav.tokens', permission: 'tokens:own' },
];

const covers = (href: string, path: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));

export function navItems(user: CurrentUser, currentPath: string) {
  const shown = ENTRIES.filter((e) => !e.permission || can(user.role, e.permission));
  // /history/import is under /history too: only the most specific entry is the current one.
  const current = shown.filter((e) => covers(e.href, currentPath)).sort((a, b) => b.href.length - a.href.length)[0];
  return shown.map((e) => ({ href: e.href, labelKey: e.labelKey, active: e === current }));
}
