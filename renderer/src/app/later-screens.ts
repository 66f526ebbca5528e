import type { Route } from './use-route.js';

/**
 * The code of every screen that is not on the first screen, each a chunk of its own (with
 * the antd components and their CSS that only it uses): the other workspaces, the package
 * import, and the review's pages other than the overview and the declaration. The first
 * screen's bundle holds only the shell, the declaration and the review overview; a start on
 * one of the review's other pages fetches that page's chunk at once (`loadScreenOfRoute`),
 * alongside the first screen's reads, and the rest are preloaded once the page is idle.
 */
export const LATER_SCREENS = {
  leader: () => import('../workspaces/leader/leader-workspace.js'),
  countersign: () => import('../workspaces/countersign/countersign-page.js'),
  secretariat: () => import('../workspaces/secretariat/secretariat-workspace.js'),
  identity: () => import('../workspaces/identity/identity-page.js'),
  backup: () => import('../workspaces/backup/backup-page.js'),
  packages: () => import('../packages/incoming.js'),
  receivedScoresheets: () => import('../workspaces/expert/received-scoresheets.js'),
  conflictBlocked: () => import('../workspaces/expert/declaration/conflict-blocked.js'),
  item: () => import('../workspaces/expert/item/item-page.js'),
  siteIssues: () => import('../workspaces/expert/site/site-issues-page.js'),
  exclusions: () => import('../workspaces/expert/exclusions/exclusion-checks-page.js'),
  summary: () => import('../workspaces/expert/summary/summary-page.js'),
};

/** The review page the address names (use-route.ts), when it is not in the first screen's bundle. */
const SCREEN_OF_ROUTE: Partial<Record<Route['name'], keyof typeof LATER_SCREENS>> = {
  item: 'item',
  'site-issues': 'siteIssues',
  exclusions: 'exclusions',
  summary: 'summary',
};

/**
 * Starts fetching the chunk of the review page the app opens on, if it has one: at boot, so it
 * arrives while the database is read instead of after the first render asks for it.
 */
export function loadScreenOfRoute(route: Route): void {
  const screen = SCREEN_OF_ROUTE[route.name];
  if (screen) LATER_SCREENS[screen]().catch(() => undefined);
}

/**
 * Fetches and evaluates the other screens' code once the page has been idle for a moment
 * after the first screen, so a later switch (or a package import) does not wait for its
 * scripts to load and parse. A failure here is ignored: the screen loads it again when shown.
 */
export function preloadLaterScreens(): () => void {
  let idle: number | undefined;
  const run = () => {
    for (const load of Object.values(LATER_SCREENS)) load().catch(() => undefined);
  };
  // A second first, then an idle moment: while the first screen still waits on the database
  // the page looks idle too, and parsing these scripts then would delay it.
  const timer = window.setTimeout(() => {
    if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(run, { timeout: 2000 });
    else run();
  }, 1000);
  return () => {
    window.clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}
