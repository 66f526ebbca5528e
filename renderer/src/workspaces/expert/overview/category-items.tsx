import { Card, Tag, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriteriaCategory } from '../../../../../shared/criteria/criteria-set.js';
import { formatHundredths, itemScoreHundredths } from '../../../../../shared/scoring/hundredths.js';
import { navigate } from '../../../app/use-route.js';
import { ItemStateTags } from './item-state-tags.js';

interface Props {
  category: CriteriaCategory;
  scores: Record<string, number>;
  noteCounts: Record<string, number>;
  material: Record<string, number>;
}

/**
 * One category with its items; click or Enter on a row opens the item page. A plain table
 * styled like antd's: seven antd Tables cost more to mount than the whole rest of the screen.
 */
export const CategoryItems = memo(function CategoryItems({ category, scores, noteCounts, material }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const open = (itemId: string) => navigate({ name: 'item', itemId });
  return (
    <Card size="small" title={`${category.id} ${en ? category.nameEn : category.name}${t('punct.paren', { text: category.points })}`} data-testid={`category-${category.id}`}>
      <table className="zqa-table">
        <colgroup>
          <col />
          <col style={{ width: '3.5em' }} />
          <col style={{ width: '4.5em' }} />
          <col style={{ width: '5.5em' }} />
          <col style={{ width: '4.5em' }} />
          <col style={{ width: '5em' }} />
          <col style={{ width: '11em' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t('columns.item')}</th>
            <th className="zqa-num">{t('columns.points')}</th>
            <th>{t('columns.kind')}</th>
            <th className="zqa-num">{t('columns.material')}</th>
            <th className="zqa-num">{t('columns.percent')}</th>
            <th className="zqa-num">{t('columns.score')}</th>
            <th>{t('columns.state')}</th>
          </tr>
        </thead>
        <tbody>
          {category.items.map((item) => {
            const p = scores[item.id];
            return (
              <tr
                key={item.id}
                tabIndex={0}
                className="zqa-row-link"
                data-testid={`item-row-${item.id}`}
                onClick={() => open(item.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') open(item.id);
                }}
              >
                <td>
                  <Typography.Link>
                    {item.id} {en ? item.nameEn : item.name}
                  </Typography.Link>
                </td>
                <td className="zqa-num">{item.points}</td>
                <td>
                  <Tag>{t(`kind.${item.kind}`)}</Tag>
                </td>
                <td className="zqa-num">{material[item.id] === undefined ? '—' : `${material[item.id]}%`}</td>
                <td className="zqa-num" data-testid={`percent-${item.id}`}>{p === undefined ? '—' : `${p}%`}</td>
                <td className="zqa-num">{p === undefined ? '—' : formatHundredths(itemScoreHundredths(item.points, p))}</td>
                <td>
                  <ItemStateTags scored={p !== undefined} notes={noteCounts[item.id] ?? 0} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
});
