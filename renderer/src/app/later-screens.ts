import { createElement, lazy, type ComponentType } from 'react';
import { addWorkspaceStrings } from '../i18n/i18n.js';
import type { Route } from './use-route.js';

/**
 * The code of every screen that is not on the first screen, each a chunk of its own (with
 * the antd components and their CSS that only it uses): the other workspaces, the package
 * import, the review's screens past its declaration (the tabs and the overview, and each of
 * its other pages). The first screen's bundle holds only the shell and the declaration; a
 * start on a declared review fetches the review's layout while its data is read
 * (first-screen.ts), a start on one of the review's other pages fetches that page's chunk at
 * once (`loadScreenOfRoute`), and the rest are preloaded once the page is idle.
 */
// The leader's and the secretariat's strings come with their screens' code (a third of the
// app's words); each chunk registers them before its screen renders.
const leaderStrings = () => import('../workspaces/leader/i18n.js').then((m) => addWorkspaceStrings(m.leaderStrings));
const secretariatStrings = () => import('../workspaces/secretariat/i18n.js').then((m) => addWorkspaceStrings(m.secretariatStrings));
const withStrings = <M>(screen: Promise<M>, strings: Promise<void>): Promise<M> => Promise.all([screen, strings]).then(([m]) => m);

export const LATER_SCREENS = {
  reviewLayout: () => import('../ui/layout/review-layout.js'),
  leader: () => withStrings(import('../workspaces/leader/leader-workspace.js'), leaderStrings()),
  countersign: () => withStrings(import('../workspaces/countersign/countersign-page.js'), leaderStrings()),
  secretariat: () => withStrings(import('../workspaces/secretariat/secretariat-workspace.js'), secretariatStrings()),
  identity: () => import('../workspaces/identity/identity-page.js'),
  backup: () => import('../workspaces/backup/backup-page.js'),
  packages: () => import('../packages/incoming.js'),
  receivedScoresheets: () => import('../workspaces/expert/received-scoresheets.js'),
  conflictBlocked: () => import('../workspaces/expert/declaration/conflict-blocked.js'),
  conflictDetails: () => import('../workspaces/expert/declaration/conflict-details.js'),
  reviewSwitcher: () => import('../workspaces/expert/review-switcher.js'),
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
 * A lazy screen whose chunk can be fetched ahead (`preload`): once fetched, it renders at once
 * instead of suspending for a frame, so a first render that waited for it shows it directly.
 */
function preloadableScreen<P extends object>(load: () => Promise<ComponentType<P>>): { Screen: ComponentType<P>; preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | undefined;
  const preload = () =>
    load().then((component) => {
      loaded = component;
      return { default: component };
    });
  const Lazy = lazy(preload);
  const Screen = (props: P) => createElement(loaded ?? (Lazy as unknown as ComponentType<P>), props);
  return { Screen, preload };
}

/** The review's tabs, overview and pages (after its declaration). */
export const reviewLayoutScreen = preloadableScreen(() => LATER_SCREENS.reviewLayout().then((m) => m.ReviewLayout));

/** The review switcher, fetched with the first screen's reads when the device has several reviews (first-screen.ts). */
export const reviewSwitcherScreen = preloadableScreen(() => LATER_SCREENS.reviewSwitcher().then((m) => m.ReviewSwitcher));

/** The conflict's kind and facts on the declaration, preloaded with the later screens. */
export const conflictDetailsScreen = preloadableScreen(() => LATER_SCREENS.conflictDetails().then((m) => m.ConflictDetails));

/**
 * Fetches and evaluates the other screens' code once the page has been idle for a moment
 * after the first screen, so a later switch (or a package import) does not wait for its
 * scripts to load and parse. A failure here is ignored: the screen loads it again when shown.
 */
export function preloadLaterScreens(): () => void {
  let idle: number | undefined;
  const run = () => {
    for (const load of Object.values(LATER_SCREENS)) load().catch(() => undefined);
    // The screens a first-screen component shows lazily are marked loaded too, so that when
    // one appears (the switcher, once an import adds a second review) it renders at once,
    // not a frame later, moving the buttons beside it under the pointer.
    for (const screen of [reviewLayoutScreen, reviewSwitcherScreen, conflictDetailsScreen]) screen.preload().catch(() => undefined);
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
