import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Settings } from '../../../shared/bridge/contract.js';
import { journalStrings } from '../journal/i18n.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

/** i18next with both languages bundled (the app is offline: nothing is fetched). */
export function initI18n(language: Settings['language']): typeof i18next {
  void i18next.use(initReactI18next).init({
    // The journal's strings are here, not with a workspace: its notices and errors can come first.
    resources: { 'zh-CN': { translation: { ...zhCN, ...journalStrings['zh-CN'] } }, en: { translation: { ...en, ...journalStrings.en } } },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  return i18next;
}

/** A workspace's strings in both languages (merged into the default namespace). */
export type WorkspaceStrings = Record<'zh-CN' | 'en', Record<string, unknown>>;

/**
 * Adds a workspace's strings, deep-merged into the default namespace (existing keys kept): at
 * the first render for the shell's own, and with a workspace's chunk for the others, so the
 * first screen does not parse the catalogues of screens it does not show. Before i18next is
 * initialised (a chunk fetched at boot), the strings are added once it is.
 */
export function addWorkspaceStrings(strings: WorkspaceStrings): void {
  const add = () => {
    for (const [lng, bundle] of Object.entries(strings)) i18next.addResourceBundle(lng, 'translation', bundle, true, false);
  };
  if (i18next.isInitialized) add();
  else i18next.on('initialized', add);
}
