import { useTranslation } from 'react-i18next';
import { categoryPercentTenths, type CategoryTotal } from '../../../../../shared/scoring/totals.js';
import { formatTenths } from '../../../../../shared/scoring/statistics.js';

/**
 * Category percentages as plain CSS bars (no chart library: the bundle stays small and the
 * bars scale with the font). The mark is the cycle's award line as a share of the total (500 of
 * 1000 points is 50%), so a category below it shows at a glance. A category with no item
 * scored yet reads 未评分: "0.0%" would say it was scored at nothing.
 */
export function CategoryChart({ categories, nameOf, markPercent }: { categories: CategoryTotal[]; nameOf: (id: string) => string; markPercent: number }) {
  const { t } = useTranslation();
  return (
    <div className="zqa-chart" role="img" aria-label={t('summary.chart')} data-testid="category-chart">
      {categories.map((c) => {
        const tenths = categoryPercentTenths(c);
        return (
          <div key={c.id} className="zqa-chart-row">
            <span className="zqa-chart-label">{nameOf(c.id)}</span>
            <span className="zqa-chart-track">
              {c.scoredItems > 0 && <span className="zqa-chart-bar" style={{ width: `${tenths / 10}%` }} />}
              <span className="zqa-chart-mark" style={{ left: `${markPercent}%` }} />
            </span>
            <span className="zqa-chart-value">{c.scoredItems === 0 ? t('itemState.unscored') : `${formatTenths(tenths)}%`}</span>
          </div>
        );
      })}
    </div>
  );
}
