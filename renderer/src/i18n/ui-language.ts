import { useTranslation } from 'react-i18next';

/** The UI language as describePackageError wants it. */
export function useUiLanguage(): 'zh-CN' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
