import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../renderer/src/app/use-route.js';

describe('hash routes', () => {
  it('round-trips every screen, item ids included', () => {
    const routes: Route[] = [{ name: 'overview' }, { name: 'item', itemId: '4.7.4' }, { name: 'site-issues' }, { name: 'exclusions' }, { name: 'summary' }];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('falls back to the overview for anything unknown', () => {
    for (const hash of ['', '#', '#/', '#/nope', '#/item', '#/item/']) expect(parseRoute(hash)).toEqual({ name: 'overview' });
  });
});
