import { App as AntApp } from 'antd';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsensusEdit } from '../../../../shared/consensus/consensus-edits.js';
import type { ConsensusRecord } from '../../../../shared/consensus/consensus-record.js';
import { pickLanguage } from '../../../../shared/workflow/workflow-error.js';
import { trackSave } from '../../ui/common/save-tracker.js';
import { applyLeaderEdit, type LeaderWriteContext } from './store/consensus-store.js';
import { leaderWriteContext } from './store/leader-ports.js';
import type { PanelModel } from '../../../../shared/workflow/consolidate.js';

interface LeaderContextValue {
  reviewId: string;
  model: PanelModel;
  consensus: ConsensusRecord;
  ctx: LeaderWriteContext;
  /** Saves one consensus edit at once (its own transaction, in the hash-chained log); a refusal is shown. */
  edit: (edit: ConsensusEdit) => Promise<boolean>;
}

const LeaderContext = createContext<LeaderContextValue | null>(null);

export function LeaderProvider({ reviewId, model, consensus, actor, children }: { reviewId: string; model: PanelModel; consensus: ConsensusRecord; actor: string; children: ReactNode }) {
  const { message } = AntApp.useApp();
  const { t, i18n } = useTranslation();
  const ctx = useMemo<LeaderWriteContext>(() => leaderWriteContext(actor), [actor]);
  const edit = useCallback(
    async (e: ConsensusEdit) => {
      try {
        const saved = await trackSave(() => applyLeaderEdit(ctx, reviewId, e));
        if (!saved.ok) void message.error(pickLanguage(saved.error, i18n.language === 'en' ? 'en' : 'zh-CN'));
        return saved.ok;
      } catch (error) {
        console.error(error);
        void message.error(t('faults.otherFailed'));
        return false;
      }
    },
    [ctx, reviewId, message, i18n, t],
  );
  const value = useMemo(() => ({ reviewId, model, consensus, ctx, edit }), [reviewId, model, consensus, ctx, edit]);
  return <LeaderContext.Provider value={value}>{children}</LeaderContext.Provider>;
}

export function useLeader(): LeaderContextValue {
  const value = useContext(LeaderContext);
  if (!value) throw new Error('useLeader outside LeaderProvider');
  return value;
}
