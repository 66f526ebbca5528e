import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CriteriaCategory, CriteriaItem } from '../../../../shared/criteria/criteria-set.js';
import { formatHundredths, itemScoreHundredths } from '../../../../shared/scoring/hundredths.js';
import { navigate } from '../../app/use-route.js';
import { ItemStateTags } from './item-state-tags.js';

interface Props {
  category: CriteriaCategory;
  scores: Record<string, number>;
  noteCounts: Record<string, number>;
  material: Record<string, number>;
}

/** One category with its items: click or Enter on a row opens the item page. */
export function CategoryItems({ category, scores, noteCounts, material }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Card size="small" title={`${category.id} ${en ? category.nameEn : category.name}（${category.points}）`} data-testid={`category-${category.id}`}>
      <Table<CriteriaItem>
        size="small"
        tableLayout="fixed"
        pagination={false}
        rowKey="id"
        dataSource={category.items}
        onRow={(item) => ({
          onClick: () => navigate({ name: 'item', itemId: item.id }),
          onKeyDown: (e) => {
            if (e.key === 'Enter') navigate({ name: 'item', itemId: item.id });
          },
          tabIndex: 0,
          className: 'zqa-row-link',
          'data-testid': `item-row-${item.id}`,
        })}
        columns={[
          {
            key: 'item',
            title: t('columns.item'),
            render: (_: unknown, item) => (
              <Typography.Link>
                {item.id} {en ? item.nameEn : item.name}
              </Typography.Link>
            ),
          },
          { key: 'points', title: t('columns.points'), dataIndex: 'points', align: 'right', width: '5em' },
          { key: 'kind', title: t('columns.kind'), render: (_: unknown, item) => <Tag>{t(`kind.${item.kind}`)}</Tag>, width: '6em' },
          { key: 'material', title: t('columns.material'), render: (_: unknown, item) => (material[item.id] === undefined ? '—' : `${material[item.id]}%`), align: 'right', width: '7em' },
          {
            key: 'percent',
            title: t('columns.percent'),
            align: 'right',
            width: '6em',
            render: (_: unknown, item) => <span data-testid={`percent-${item.id}`}>{scores[item.id] === undefined ? '—' : `${scores[item.id]}%`}</span>,
          },
          {
            key: 'score',
            title: t('columns.score'),
            align: 'right',
            width: '6em',
            render: (_: unknown, item) => {
              const p = scores[item.id];
              return p === undefined ? '—' : formatHundredths(itemScoreHundredths(item.points, p));
            },
          },
          {
            key: 'state',
            title: t('columns.state'),
            width: '11em',
            render: (_: unknown, item) => <ItemStateTags scored={scores[item.id] !== undefined} notes={noteCounts[item.id] ?? 0} />,
          },
        ]}
      />
    </Card>
  );
}
