import { PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useFeedback } from '../../app/deferred-feedback.js';
import { useTranslation } from 'react-i18next';

/** 纸质评分表: blank for handwriting the day a laptop dies, or filled with this device's scores. */
export function PaperScoresheetButton({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const print = async (filled: boolean) => {
    const say = (level: 'success' | 'error', kind: string, text: string) => void message[level]({ content: <span data-testid="paper-outcome" data-outcome={kind}>{text}</span>, duration: level === 'success' ? 4 : 10 });
    try {
      const { savePaperScoresheet } = await import('./store/paper-scoresheet.js');
      const saved = await savePaperScoresheet(reviewId, filled);
      if (!saved.ok) say('error', 'failed', t('packages.paper.failed', { error: saved.error }));
      else if (saved.value) say('success', 'saved', t('packages.paper.saved', { file: saved.value.savedAs }));
    } catch (e) {
      say('error', 'failed', t('packages.paper.failed', { error: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'blank', label: <span data-testid="paper-blank">{t('packages.paper.blank')}</span> },
          { key: 'filled', label: <span data-testid="paper-filled">{t('packages.paper.filled')}</span> },
        ],
        onClick: ({ key }) => void print(key === 'filled'),
      }}
    >
      <Button icon={<PrinterOutlined />} title={t('packages.paper.hint')} data-testid="paper-scoresheet">
        {t('packages.paper.button')}
      </Button>
    </Dropdown>
  );
}
