import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { addWorkspaceStrings, initI18n } from '../../renderer/src/i18n/i18n.js';

// Keys made up for this test, outside the app's typed catalogues: looked up untyped.
const t = (i18next.t as unknown as (key: string, options?: { lng: string }) => string).bind(i18next);

describe("a workspace's strings registered with its chunk", () => {
  it('are added once i18next is initialised when the chunk came first, and merged without replacing the shell’s', () => {
    addWorkspaceStrings({ 'zh-CN': { chunkTest: { title: '秘书处工作台' }, app: { title: 'not this' } }, en: { chunkTest: { title: 'Secretariat desk' } } });
    expect(i18next.isInitialized).toBeFalsy();
    initI18n('zh-CN');
    expect(t('chunkTest.title')).toBe('秘书处工作台');
    expect(i18next.t('app.title')).not.toBe('not this');
    expect(t('chunkTest.title', { lng: 'en' })).toBe('Secretariat desk');
  });

  it('are added at once after initialisation', () => {
    addWorkspaceStrings({ 'zh-CN': { later: { word: '会签' } }, en: { later: { word: 'Countersign' } } });
    expect(t('later.word')).toBe('会签');
  });
});
