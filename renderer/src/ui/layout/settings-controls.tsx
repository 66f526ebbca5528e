import { Flex, Select } from 'antd';
import { useFeedback } from '../../app/deferred-feedback.js';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/settings-context.js';

const FONT_SIZES = [12, 14, 16, 18, 20, 22, 24, 28];

export function SettingsControls() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const { message } = useFeedback();
  // A setting the host could not store stays as it was; the person is told, the host's text is logged.
  const apply = (patch: Parameters<typeof update>[0]) =>
    update(patch).catch((e: unknown) => {
      console.error(e);
      void message.error(t('settings.notSaved'));
    });
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
