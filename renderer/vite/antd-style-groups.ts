import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { extractStyle as extractEveryComponent } from '@ant-design/static-style-extract';
import { ConfigProvider } from 'antd';
import { createElement, type ReactElement } from 'react';

/**
 * antd's component styles, cut into one group per style registration, with the same rules as
 * the prebuilt `antd/dist/antd.css`.
 *
 * antd builds antd.css by rendering every component once with `@ant-design/static-style-extract`
 * under `theme: { hashed: false }` and writing out the CSS-in-JS cache whole. We render the same
 * way but keep the cache, and write out each registration on its own: the styles of one
 * `genStyleHooks('Button', …)` call (`style/Button-Button`), its component's CSS variables
 * (`vars/Button`), and what every component shares (the design tokens as CSS variables, the
 * reset and link styles, the icons' base style: `global`). The build then ships each group
 * with the code that uses it (`antd-component-styles.ts`), so the first screen carries only
 * the CSS of the components it has.
 */
export interface StyleGroups {
  /** Group key (`global`, `style/<Component>-<Part>`, `vars/<Component>`) → its CSS. */
  css: Map<string, string>;
  /** The whole cache written out at once: antd.css itself, to check the groups against. */
  whole: string;
}

export const GLOBAL_GROUP = 'global';

// cssinjs ends every extraction with a rule mapping cache paths to hashes, read only when a
// server-rendered page is hydrated; in zero-runtime mode nothing reads it.
const CACHE_PATH_RULE = /\.data-ant-cssinjs-cache-path\{content:"[^"]*";\}$/;

type Cache = ReturnType<typeof createCache>;

/** The group a cssinjs cache entry belongs to, from its key (`style%<hash>%Button-Button%ant-btn%anticon`). */
export function groupOfCacheKey(key: string): string {
  const [type, ...path] = key.split('%');
  if (type === 'token') return GLOBAL_GROUP;
  // hashed: false leaves the hash segment empty
  if (type === 'style') {
    const name = path[1] ?? '';
    return name === 'Shared' || name === 'ant-design-icons' ? GLOBAL_GROUP : `style/${name}`;
  }
  if (type === 'cssVar') return `vars/${path[0] ?? ''}`;
  throw new Error(`unknown antd style cache entry "${key}"`);
}

function extractEntries(cache: Cache, keys: string[]): string {
  // A fresh cache per group: the keyframes an entry uses are written with the first entry of
  // an extraction that uses them, so each group must carry its own copy.
  const part = createCache();
  for (const key of keys) {
    const value = cache.cache.get(key);
    if (!value) throw new Error(`antd style cache lost entry "${key}"`);
    part.cache.set(key, value);
    part.updateTimes.set(key, cache.updateTimes.get(key) ?? 0);
  }
  return extractStyle(part, { plain: true }).replace(CACHE_PATH_RULE, '');
}

/** Renders every antd component once (a second or two) and returns its styles by group. */
export function extractAntdStyleGroups(): StyleGroups {
  const cache = createCache();
  // static-style-extract renders each component (with the props some need to show at all)
  // inside the node it hands to customTheme; our provider inside its own keeps the cache.
  extractEveryComponent({
    customTheme: (node: ReactElement) => createElement(StyleProvider, { cache }, createElement(ConfigProvider, { theme: { hashed: false } }, node)),
  });
  const keysByGroup = new Map<string, string[]>();
  for (const key of cache.cache.keys()) {
    const group = groupOfCacheKey(key);
    keysByGroup.set(group, [...(keysByGroup.get(group) ?? []), key]);
  }
  const css = new Map<string, string>();
  for (const [group, keys] of keysByGroup) {
    const text = extractEntries(cache, keys);
    if (text) css.set(group, text);
  }
  return { css, whole: extractStyle(cache, { plain: true }) };
}
