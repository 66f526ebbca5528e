import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/bridge/contract.js';
import { SettingSelect } from './setting-select.js';
import { useApplySettings } from './use-apply-settings.js';

const FONT_SIZES = [12, 14, 16, 18, 20, 22, 24, 28];
const LANGUAGES: readonly { value: Settings['language']; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export function SettingsControls() {
  const { t } = useTranslation();
  const { settings, apply } = useApplySettings();
  return (
    <span className="zqa-settings-controls">
      <SettingSelect label={t('settings.language')} testId="language-select" value={settings.language} onChange={(language) => void apply({ language })} options={LANGUAGES} width={6.5} />
      <SettingSelect
        label={t('settings.fontSize')}
        testId="font-size-select"
        value={settings.fontSize}
        onChange={(fontSize) => void apply({ fontSize })}
        options={FONT_SIZES.map((size) => ({ value: size, label: `${t('settings.fontSize')} ${size}` }))}
        width={7.5}
      />
    </span>
  );
}
