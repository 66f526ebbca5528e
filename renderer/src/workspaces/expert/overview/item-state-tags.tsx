import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Unscored / scored, and whether the item has notes: what an expert scans for before leaving site. */
export function ItemStateTags({ scored, notes }: { scored: boolean; notes: number }) {
  const { t } = useTranslation();
  return (
    <span className="zqa-tags">
      {scored ? <Tag color="green">{t('itemState.scored')}</Tag> : <Tag>{t('itemState.unscored')}</Tag>}
      {notes > 0 && <Tag color="blue">{t('itemState.notes', { count: notes })}</Tag>}
    </span>
  );
}
