import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type {} from '../../renderer/src/i18n/catalogue-keys.js';
import { addWorkspaceStrings, initI18n } from '../../renderer/src/i18n/i18n.js';
import { packageStrings } from '../../renderer/src/packages/i18n.js';

/**
 * Translation keys are typed from the catalogues (renderer/src/i18n/catalogue-keys.ts): the
 * `@ts-expect-error` lines below are checked by `tsc -b`, which fails if an unknown key or a
 * key naming a group of strings ever type-checks again.
 */
describe('typed translation keys', () => {
  it('a known key gives its string; an unknown key or a group is a type error and shows as itself', () => {
    initI18n('zh-CN');
    addWorkspaceStrings(packageStrings);
    expect(i18next.t('packages.paper.button')).toBe('纸质评分表');
    // @ts-expect-error no catalogue has this key
    expect(i18next.t('packages.paper.nonexistent')).toBe('packages.paper.nonexistent');
    // @ts-expect-error a group of strings, not a string
    expect(i18next.t('packages.paper')).toMatch(/returned an object instead of string/);
  });
});
