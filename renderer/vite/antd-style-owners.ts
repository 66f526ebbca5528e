import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GLOBAL_GROUP } from './antd-style-groups.js';

/**
 * Which antd module needs which style group (antd-style-groups.ts).
 *
 * antd registers each component's styles in its `style/` modules with one of three helpers,
 * always with literal names: `genStyleHooks('Button', …)`, `genStyleHooks(['Input', 'OTP'], …)`,
 * `genSubStyleComponent(['Tag', 'preset'], …)`, `genComponentStyleHook('Wave', …)` (one name
 * stands for [name, name]); the result is the module's default export or a named one
 * (`export const useRowStyle = genStyleHooks('Grid', …)`). A component asks for its styles by
 * importing that export. So a group belongs to the modules that import its registration, not
 * to the style module itself: style modules also import each other for helpers (Modal's
 * styles take a media-size table from Grid's), and that must not bring Grid's CSS along.
 */

const REGISTRATION = /gen(?:StyleHooks|SubStyleComponent|ComponentStyleHook)\(\s*(?:(['"])([A-Za-z]+)\1|\[\s*(['"])([A-Za-z]+)\3\s*,\s*(['"])([A-Za-z-]+)\5\s*\])/g;
// import X from '…/style…'; import { a, b as c } from '…'; import X, { a } from '…'
const STYLE_IMPORT = /import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s*(['"])(\.[^'"]*\/style(?:\/[\w-]+)?)\3/g;

/** The module every antd style module imports: what all components share is attached to it. */
export const SHARED_STYLE_MODULE = /[\\/]antd[\\/]es[\\/]theme[\\/]util[\\/]genStyleUtils\.js$/;

/** A style module's registrations by the export that carries them (`default` or a name). */
export function registrationsOf(code: string): Map<string, string[]> {
  const byExport = new Map<string, string[]>();
  for (const m of code.matchAll(REGISTRATION)) {
    const component = m[2] ?? m[4] ?? '';
    const part = m[2] ?? m[6] ?? '';
    // `export const useRowStyle = genStyleHooks(…)` names it; every other registration is the
    // default export, directly or inside the function exported as default (Menu, Tooltip).
    const lineStart = code.lastIndexOf('\n', m.index) + 1;
    const exported = /^export const (\w+) = $/.exec(code.slice(lineStart, m.index))?.[1] ?? 'default';
    const groups = byExport.get(exported) ?? [];
    groups.push(`style/${component}-${part}`, `vars/${component}`);
    byExport.set(exported, groups);
  }
  return byExport;
}

function styleModulePath(importer: string, specifier: string): string | null {
  const base = resolve(dirname(importer), specifier);
  for (const candidate of [`${base}.js`, join(base, 'index.js')]) if (existsSync(candidate)) return candidate;
  return null;
}

/** Reads style modules once per build: many components import the same ones. */
export class StyleOwners {
  private readonly registrations = new Map<string, Map<string, string[]>>();

  private registrationsAt(path: string): Map<string, string[]> {
    let found = this.registrations.get(path);
    if (!found) {
      found = registrationsOf(readFileSync(path, 'utf8'));
      this.registrations.set(path, found);
    }
    return found;
  }

  /** The style groups an antd module (its code and path) asks for through what it imports. */
  groupsNeededBy(code: string, path: string): string[] {
    const groups = new Set<string>();
    if (SHARED_STYLE_MODULE.test(path)) groups.add(GLOBAL_GROUP);
    for (const m of code.matchAll(STYLE_IMPORT)) {
      const target = styleModulePath(path, m[4]!);
      if (!target) continue;
      const registrations = this.registrationsAt(target);
      const names = [...(m[1] ? ['default'] : []), ...(m[2] ?? '').split(',').map((s) => s.trim().split(/\s+as\s+/)[0]!).filter(Boolean)];
      for (const name of names) for (const g of registrations.get(name) ?? []) groups.add(g);
    }
    return [...groups];
  }

  /** Every group some module of antd's ES build asks for: a group none asks for would never ship. */
  groupsClaimedIn(esDir: string): Set<string> {
    const claimed = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.js')) for (const g of this.groupsNeededBy(readFileSync(path, 'utf8'), path)) claimed.add(g);
      }
    };
    walk(esDir);
    return claimed;
  }
}
