import { Flex, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

/** The keys, always in view: a panel scores 23 items fast, and nobody reads a help page on site. */
export const ShortcutLegend = memo(function ShortcutLegend() {
  const { t } = useTranslation();
  const keys = ['band', 'arrows', 'escape', 'next', 'prev', 'note'] as const;
  return (
    <Flex gap="middle" wrap className="zqa-shortcuts" data-testid="shortcut-legend">
      <Typography.Text strong>{t('shortcuts.title')}{t('punct.colon')}</Typography.Text>
      {keys.map((k) => (
        <Typography.Text key={k} type="secondary">
          {t(`shortcuts.${k}`)}
        </Typography.Text>
      ))}
    </Flex>
  );
});
