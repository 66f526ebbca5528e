import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LATER_SCREENS, reviewSwitcherScreen } from '../../app/later-screens.js';
import type { ReviewRecord } from './store/records.js';
import type { WorkspaceContext } from '../../app/use-workspace-context.js';
import { useDeclaration } from './store/review-reads.js';
import { useExportScoresheet } from './store/use-export-scoresheet.js';
import { ImportButtons } from '../../packages/import-buttons.js';
import { usePanelAssignment, useScoresheetExports } from './store/use-package-data.js';

// The paper scoresheet's menu (antd's Dropdown brings Menu and its CSS) is for a bad day, not the first screen: a chunk of its own.
const PaperScoresheetButton = lazy(() => import('./paper-scoresheet-button.js').then((m) => ({ default: m.PaperScoresheetButton })));
// Only a panel leader's device shows it, and its table is the heaviest antd component: a chunk of its own.
const ReceivedScoresheets = lazy(() => LATER_SCREENS.receivedScoresheets().then((m) => ({ default: m.ReceivedScoresheets })));

/**
 * The expert's package actions above the review: which review (when there are several),
 * import an assignment, export the scoresheet (with the last revision exported), and, on the
 * panel leader's device, import members' scoresheets and see which arrived.
 */
export function PackagesBar({ ctx, reviews, review }: { ctx: WorkspaceContext; reviews: ReviewRecord[]; review: ReviewRecord | null }) {
  const { t } = useTranslation();
  const exportSheet = useExportScoresheet();
  const assignment = usePanelAssignment(review?.id ?? '');
  const exports = useScoresheetExports(review?.id ?? '');
  const leads = !!assignment && !!ctx.keys && assignment.leaderKeyId === ctx.keys.keyId;
  const lastExport = exports?.[exports.length - 1];
  const reviewId = review?.id ?? '';
  const declaration = useDeclaration(reviewId);
  // Why the scoresheet cannot be exported yet, shown beside the button rather than answered
  // with an error after a click: the demo has no one to send to; a real review needs the
  // declaration signed first (the scoresheet carries it).
  const exportBlocked = !assignment ? t('packages.exportDemo') : declaration === undefined ? '' : declaration === null ? t('packages.exportNeedsDeclaration') : null;
  return (
    <div className="zqa-packages-bar" data-testid="packages-bar">
      {reviews.length > 1 && review && (
        <Suspense fallback={null}>
          <reviewSwitcherScreen.Screen reviews={reviews} review={review} />
        </Suspense>
      )}
      <ImportButtons accept={['assignment']} label={t('packages.importAssignment')} testId="import-assignment" />
      {review && (
        <Tooltip title={exportBlocked || undefined}>
          <Button
            type={exportBlocked === null ? 'primary' : 'default'}
            icon={<DownloadOutlined />}
            disabled={exportBlocked !== null}
            onClick={() => void exportSheet(review.id)}
            data-testid="export-scoresheet"
          >
            {t('packages.exportScoresheet')}
          </Button>
        </Tooltip>
      )}
      {review && (
        <Suspense fallback={null}>
          <PaperScoresheetButton reviewId={review.id} />
        </Suspense>
      )}
      {review && assignment && exportBlocked && (
        <span className="zqa-text-warning" data-testid="export-blocked">
          {exportBlocked}
        </span>
      )}
      {assignment && (
        <span className={lastExport ? 'zqa-text-success' : 'zqa-text-secondary'} data-testid="export-status">
          {lastExport ? t('packages.exportedBadge', { revision: lastExport.revision }) : t('packages.notExported')}
        </span>
      )}
      {leads && assignment && (
        <>
          <Tag color="red">{t('packages.leaderOf')}</Tag>
          <ImportButtons accept={['scoresheet']} label={t('packages.importScoresheets')} testId="import-scoresheets" />
          <Suspense fallback={null}>
            <ReceivedScoresheets assignment={assignment} />
          </Suspense>
        </>
      )}
    </div>
  );
}
