import { useSyncExternalStore } from 'react';

/** The screens. Kept in the URL's hash so a reload (or a crash and restart) opens the same place. */
export type Route =
  | { name: 'overview' }
  | { name: 'item'; itemId: string }
  | { name: 'site-issues' }
  | { name: 'exclusions' }
  | { name: 'summary' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [head, ...rest] = path.split('/');
  if (head === 'item' && rest[0]) return { name: 'item', itemId: decodeURIComponent(rest[0]) };
  if (head === 'site-issues' || head === 'exclusions' || head === 'summary') return { name: head };
  return { name: 'overview' };
}

export function routeHash(route: Route): string {
  return route.name === 'item' ? `#/item/${encodeURIComponent(route.itemId)}` : route.name === 'overview' ? '#/' : `#/${route.name}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(
    (listener) => {
      window.addEventListener('hashchange', listener);
      return () => window.removeEventListener('hashchange', listener);
    },
    () => window.location.hash,
  );
  return parseRoute(hash);
}
