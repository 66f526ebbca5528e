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
