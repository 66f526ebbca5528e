import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWorkspaceContext } from '../../app/use-workspace-context.js';
import { PackagesBar } from './packages-bar.js';
import { SelectedReviewLoader } from './selected-review-loader.js';
import { useSelectedReview } from './store/review-reads.js';

/** The expert's workspace: the package actions, then B's review screens for the chosen review. */
export function ExpertWorkspace() {
  const { t } = useTranslation();
  const ctx = useWorkspaceContext();
  const selected = useSelectedReview();
  if (!ctx || !selected) return <Spin size="large" description={t('app.loading')} fullscreen />;
  return (
    <>
      <PackagesBar ctx={ctx} reviews={selected.reviews} review={selected.review} />
      <SelectedReviewLoader review={selected.review} />
    </>
  );
}
