import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractAntdStyleGroups, GLOBAL_GROUP, groupOfCacheKey, type StyleGroups } from '../../renderer/vite/antd-style-groups.js';
import { registrationsOf, StyleOwners } from '../../renderer/vite/antd-style-owners.js';

const antdDir = dirname(createRequire(import.meta.url).resolve('antd/package.json'));
const esDir = join(antdDir, 'es');

/** The top-level blocks of a stylesheet (a rule, or an @media / @keyframes with its body). */
function blocks(css: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) {
      out.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  return out;
}

describe("antd's styles cut into groups (the renderer's build)", () => {
  let groups: StyleGroups;
  beforeAll(() => {
    groups = extractAntdStyleGroups();
  }, 60_000);

  it('renders exactly what antd ships as antd/dist/antd.css', () => {
    expect(groups.whole).toBe(readFileSync(join(antdDir, 'dist/antd.css'), 'utf8'));
  });

  it('holds every rule of antd.css in some group, and nothing else', () => {
    const whole = new Set(blocks(groups.whole).filter((b) => !b.startsWith('.data-ant-cssinjs-cache-path')));
    const inGroups = new Set([...groups.css.values()].flatMap(blocks));
    expect([...whole].filter((b) => !inGroups.has(b))).toEqual([]);
    expect([...inGroups].filter((b) => !whole.has(b))).toEqual([]);
  });

  it('keeps the design tokens and each component apart', () => {
    expect(groups.css.get(GLOBAL_GROUP)).toContain('--ant-color-primary:');
    expect(groups.css.get('style/Button-Button')).toContain('.ant-btn{');
    expect(groups.css.get('style/Button-Button')).not.toContain('.ant-table');
    expect(groups.css.get('style/Table-Table')).toContain('.ant-table');
    expect(groups.css.get('vars/Button')).toContain('--ant-button-font-weight:');
  });

  it('has a module of antd asking for every group, so none is left out of the build', () => {
    const claimed = new StyleOwners().groupsClaimedIn(esDir);
    expect([...groups.css.keys()].filter((g) => !claimed.has(g))).toEqual([]);
  });
});

describe('which antd module needs which group', () => {
  it('reads the cache keys cssinjs writes', () => {
    expect(groupOfCacheKey('style%%Button-Button%ant-btn%anticon')).toBe('style/Button-Button');
    expect(groupOfCacheKey('style%%Shared%ant')).toBe(GLOBAL_GROUP);
    expect(groupOfCacheKey('token%6.6.8-%0%abc')).toBe(GLOBAL_GROUP);
    expect(groupOfCacheKey('cssVar%Button%css-var-_R_0_%ant-btn%10waya3')).toBe('vars/Button');
    expect(() => groupOfCacheKey('other%x')).toThrow('unknown antd style cache entry');
  });

  it('maps a style module’s exports to what they register', () => {
    const grid = registrationsOf(readFileSync(join(esDir, 'grid/style/index.js'), 'utf8'));
    expect(grid.get('useRowStyle')).toEqual(['style/Grid-Grid', 'vars/Grid']);
    expect(grid.has('default')).toBe(false);
    const input = registrationsOf(readFileSync(join(esDir, 'input/style/index.js'), 'utf8'));
    expect(input.get('useSharedStyle')).toEqual(['style/Input-Shared', 'vars/Input']);
    expect(input.get('default')).toEqual(['style/Input-Component', 'vars/Input']);
    // Menu registers inside the function it exports as default.
    expect(registrationsOf(readFileSync(join(esDir, 'menu/style/index.js'), 'utf8')).get('default')).toEqual(['style/Menu-Menu', 'vars/Menu']);
  });

  it('gives a component its own groups, and none for a helper imported from another style module', () => {
    const owners = new StyleOwners();
    const at = (path: string) => owners.groupsNeededBy(readFileSync(join(esDir, path), 'utf8'), join(esDir, path));
    expect(at('grid/row.js')).toContain('style/Grid-Grid');
    expect(at('button/Button.js')).toEqual(expect.arrayContaining(['style/Button-Button', 'style/Button-compact']));
    // Modal's styles borrow Grid's media sizes: that must not ship Grid's 67 KB with every modal.
    expect(at('modal/style/index.js')).toEqual([]);
    expect(at('theme/util/genStyleUtils.js')).toEqual([GLOBAL_GROUP]);
  });
});
