import { App as AntApp, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { exclusionClearCandidates } from '../../../../shared/consensus/bulk-candidates.js';
import { EXCLUSION_RULES } from '../../../../shared/regulation/exclusions.js';
import { useLeader } from './leader-context.js';
import { clearLeaderExclusions } from './store/consensus-store.js';

/**
 * Marks every Art. 14 exclusion still open that no member flagged as 未发现, after one
 * confirmation that lists exactly those; the step refuses if the list changed meanwhile.
 */
export function BulkExclusionsButton() {
  const { t, i18n } = useTranslation();
  const { modal, message } = AntApp.useApp();
  const { reviewId, model, consensus, settle } = useLeader();
  const { clear, flaggedByMembers } = exclusionClearCandidates(consensus, model.sheets);

  const confirm = () => {
    const listed = [...clear];
    modal.confirm({
      title: t('bulk.clearTitle'),
      width: 560,
      okText: t('bulk.clearOk'),
      cancelText: t('bulk.cancel'),
      content: (
        <div data-testid="bulk-exclusions-dialog">
          <p>{t('bulk.clearIntro')}</p>
          <ul>
            {listed.map((n) => {
              const rule = EXCLUSION_RULES.find((r) => r.number === n)!;
              return (
                <li key={n} data-testid={`bulk-exclusion-listed-${n}`}>
                  {`${n}. ${i18n.language === 'en' ? rule.en : rule.zh}`}
                  {t('punct.paren', { text: `${t('leader.exclusionOpen')} → ${t('leader.exclusionClear')}` })}
                </li>
              );
            })}
          </ul>
          {flaggedByMembers.length > 0 && <p>{t('bulk.clearLeftOut', { numbers: flaggedByMembers.join(t('leader.listSeparator')) })}</p>}
        </div>
      ),
      onOk: async () => {
        const done = await settle((ctx) => clearLeaderExclusions(ctx, reviewId, model.sheets, listed));
        if (done) void message.success(t('bulk.cleared', { count: listed.length }));
      },
    });
  };

  return (
    <Button size="small" disabled={clear.length === 0} onClick={confirm} data-testid="bulk-clear-exclusions" title={clear.length === 0 ? t('bulk.clearNone') : undefined}>
      {clear.length === 0 ? t('bulk.clearNone') : t('bulk.clearExclusions')}
    </Button>
  );
}
