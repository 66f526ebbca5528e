import { ConfigProvider, theme as antTheme } from 'antd';
// The ES builds of the locales: antd/locale/* are CommonJS re-exports of antd's lib build.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/bridge/contract.js';
import { endPriming } from '../db/primed-reads.js';
import { DeferredFeedback } from './deferred-feedback.js';
import { SettingsProvider, useSettings } from './settings-context.js';
import { Workspaces } from './workspaces.js';

export function App({ initialSettings }: { initialSettings: Settings }) {
  // The first render has committed (children's effects ran first): screens read for themselves now.
  useEffect(() => endPriming(), []);
  return (
    <SettingsProvider initial={initialSettings}>
      <ThemedApp />
    </SettingsProvider>
  );
}

/**
 * Chinese fonts draw ’ “ ” and ：（） at full width, which sets English as "Mayor ’ s": in
 * English a Latin font comes first and the Chinese ones only fill in Chinese names.
 */
const CJK_FONTS = '"Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei"';
const LATIN_FONTS = '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans"';
const fontFamilyFor = (language: string): string => (language === 'en' ? `${LATIN_FONTS}, ${CJK_FONTS}, sans-serif` : `${CJK_FONTS}, sans-serif`);

/** antd sizes its controls from a 14 px base; scale heights with the chosen font so large text still fits. */
function themeFor(fontSize: number, language: string) {
  const scale = fontSize / 14;
  return {
    zeroRuntime: true,
    algorithm: antTheme.defaultAlgorithm,
    token: {
      fontSize,
      controlHeight: Math.round(32 * scale),
      controlHeightSM: Math.round(24 * scale),
      controlHeightLG: Math.round(40 * scale),
      fontFamily: fontFamilyFor(language),
      colorPrimary: '#b71c1c',
    },
  };
}

const BUTTON_CONFIG = { autoInsertSpace: false };

function ThemedApp() {
  const { settings } = useSettings();
  const { i18n, t } = useTranslation();
  // One theme object per font size and language: antd hashes the theme's tokens (cached per
  // object), so a new object on every render would hash them again.
  const theme = useMemo(() => themeFor(settings.fontSize, settings.language), [settings.fontSize, settings.language]);
  useEffect(() => {
    if (i18n.language !== settings.language) void i18n.changeLanguage(settings.language);
    document.documentElement.lang = settings.language;
    document.documentElement.style.fontSize = `${settings.fontSize}px`;
    document.title = t('app.title');
  }, [i18n, settings.language, settings.fontSize, t]);
  return (
    <ConfigProvider locale={settings.language === 'en' ? enUS : zhCN} button={BUTTON_CONFIG} theme={theme}>
      <DeferredFeedback>
        <Workspaces />
      </DeferredFeedback>
    </ConfigProvider>
  );
}
