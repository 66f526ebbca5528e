import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { extractAntdStyleGroups, type StyleGroups } from './antd-style-groups.js';
import { StyleOwners } from './antd-style-owners.js';
import { withoutServerIdRules } from './antd-server-id-rules.js';

const VIRTUAL = 'virtual:antd-style/';
const RESOLVED = `\0${VIRTUAL}`;
const ANTD_ES_MODULE = /[\\/]node_modules[\\/]antd[\\/]es[\\/].+\.js$/;

/**
 * antd's CSS per component, shipped with the code that uses the component (zero-runtime mode:
 * antd generates no styles in the page, so its CSS must be in files).
 *
 * Each antd module that registers a component's styles gets an import of that registration's
 * CSS (antd-style-groups.ts), as antd 4's per-component `style/css` imports did. Vite then
 * puts the CSS into the same chunk as the module: the first screen's stylesheet holds the
 * components the first screen's code imports, and a workspace loaded later brings its own
 * (a <link> added when its chunk loads). Together the groups are antd's prebuilt antd.css.
 */
export function antdComponentStyles(): Plugin {
  let groups: StyleGroups | undefined;
  let owners = new StyleOwners();
  return {
    name: 'zqa:antd-component-styles',
    buildStart() {
      groups = extractAntdStyleGroups();
      owners = new StyleOwners();
      // A group no antd module registers would silently never ship: fail the build instead.
      const esDir = join(dirname(createRequire(import.meta.url).resolve('antd/package.json')), 'es');
      const claimed = owners.groupsClaimedIn(esDir);
      const orphans = [...groups.css.keys()].filter((g) => !claimed.has(g));
      if (orphans.length > 0) throw new Error(`antd styles that no antd module asks for (antd-style-owners.ts cannot place them): ${orphans.join(', ')}`);
    },
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const group = id.slice(RESOLVED.length, -'.css'.length);
      const css = groups?.css.get(group);
      if (css === undefined) throw new Error(`no antd styles for group "${group}"`);
      return withoutServerIdRules(css);
    },
    transform(code, id) {
      if (!ANTD_ES_MODULE.test(id) || !groups) return undefined;
      const imports = owners
        .groupsNeededBy(code, id)
        .filter((g) => groups?.css.has(g))
        .map((g) => `import ${JSON.stringify(`${VIRTUAL}${g}.css`)};`);
      return imports.length > 0 ? { code: `${code}\n${imports.join('\n')}\n`, map: null } : undefined;
    },
  };
}
