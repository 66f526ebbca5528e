import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Settings } from '../../../shared/bridge/contract.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

/** i18next with both languages bundled (the app is offline: nothing is fetched). */
export function initI18n(language: Settings['language']): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  return i18next;
}
