import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApplySettings } from './use-apply-settings.js';

const FONT_SIZES = [12, 14, 16, 18, 20, 22, 24, 28];

export function SettingsControls() {
  const { t } = useTranslation();
  const { settings, apply } = useApplySettings();
  return (
    <Flex gap="small" align="center" wrap>
      <Select
        aria-label={t('settings.language')}
        data-testid="language-select"
        value={settings.language}
        onChange={(language) => void apply({ language })}
        options={[
          { value: 'zh-CN', label: '中文' },
          { value: 'en', label: 'English' },
        ]}
        style={{ minWidth: '6.5em' }}
      />
      <Select
        aria-label={t('settings.fontSize')}
        data-testid="font-size-select"
        value={settings.fontSize}
        onChange={(fontSize) => void apply({ fontSize })}
        options={FONT_SIZES.map((size) => ({ value: size, label: `${t('settings.fontSize')} ${size}` }))}
        style={{ minWidth: '7.5em' }}
      />
    </Flex>
  );
}
