import { App as AntApp } from 'antd';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsensusEdit } from '../../../../shared/consensus/consensus-edits.js';
import type { ConsensusRecord } from '../../../../shared/consensus/consensus-record.js';
import { pickLanguage, type WorkflowError } from '../../../../shared/workflow/workflow-error.js';
import type { Result } from '../../../../shared/util/result.js';
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
  /** Runs one store step (a bulk settlement…) the same way: saved at once, a refusal shown; its value, or null. */
  settle: <T>(step: (ctx: LeaderWriteContext) => Promise<Result<T, WorkflowError>>) => Promise<T | null>;
}

const LeaderContext = createContext<LeaderContextValue | null>(null);

export function LeaderProvider({ reviewId, model, consensus, actor, children }: { reviewId: string; model: PanelModel; consensus: ConsensusRecord; actor: string; children: ReactNode }) {
  const { message } = AntApp.useApp();
  const { t, i18n } = useTranslation();
  const ctx = useMemo<LeaderWriteContext>(() => leaderWriteContext(actor), [actor]);
  const settle = useCallback(
    async <T,>(step: (c: LeaderWriteContext) => Promise<Result<T, WorkflowError>>): Promise<T | null> => {
      try {
        const saved = await trackSave(() => step(ctx));
        if (!saved.ok) void message.error(pickLanguage(saved.error, i18n.language === 'en' ? 'en' : 'zh-CN'));
        return saved.ok ? saved.value : null;
      } catch (error) {
        console.error(error);
        void message.error(t('faults.otherFailed'));
        return null;
      }
    },
    [ctx, message, i18n, t],
  );
  const edit = useCallback(async (e: ConsensusEdit) => (await settle((c) => applyLeaderEdit(c, reviewId, e))) !== null, [settle, reviewId]);
  const value = useMemo(() => ({ reviewId, model, consensus, ctx, edit, settle }), [reviewId, model, consensus, ctx, edit, settle]);
  return <LeaderContext.Provider value={value}>{children}</LeaderContext.Provider>;
}

export function useLeader(): LeaderContextValue {
  const value = useContext(LeaderContext);
  if (!value) throw new Error('useLeader outside LeaderProvider');
  return value;
}
