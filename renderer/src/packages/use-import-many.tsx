import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedFiles, OpenManyArgs } from '../../../shared/bridge/contract.js';
import type { PackageType } from '../../../shared/packages/manifest.js';
import { useFeedback } from '../app/deferred-feedback.js';
import { showWorkspace } from '../app/workspace-choice.js';
import { getHost } from '../host/get-host.js';
import { useUiLanguage } from '../i18n/ui-language.js';
import { trackSave } from '../ui/common/save-tracker.js';
import { describeFileFault } from '../ui/common/file-fault.js';
import { showReview } from '../workspaces/expert/store/review-choice.js';
import { importFile } from './import-file.js';
import { packageBlob } from './package-file.js';
import { importMany, type ImportEntry, type ImportSummary } from './import-many.js';
import { describeEntry } from './import-summary-text.js';
import { ImportOutcome, ImportSummaryList } from './import-summary.js';
import { ANY_PACKAGE } from './incoming-types.js';
import './import.css';

/** How the files came: picked at a button, handed over by the OS (its message names the file), or dropped on the window. */
export type ImportSource = 'picked' | 'opened' | 'dropped';

/** Where one imported file leads the person, as a single import always has: the review it set up, the page that asks for their next step. */
function follow(entry: ImportEntry): void {
  if ('error' in entry && (entry.error.package?.code ?? entry.error.code) === 'no-anchor') return showWorkspace('identity');
  if (!('outcome' in entry)) return;
  const o = entry.outcome;
  if (o.type === 'assignment') {
    showReview(o.reviewId);
    showWorkspace('review');
  }
  else if (o.type === 'identity-card') showWorkspace(o.as === 'expert' ? 'secretariat' : 'identity');
  else if (o.type === 'report-for-signing') showWorkspace('countersign');
  else if (o.type === 'countersignature') showWorkspace('leader');
  else if (o.type === 'panel-return') showWorkspace('secretariat');
}

/**
 * Every import in the app: files picked at a button (one, several, or a folder's), files the
 * OS asked the app to open, and files dropped on the window, each through `importMany` (one
 * registry, one transaction a file). One file is answered with one message as before; several
 * with one summary (counts, then each file with its outcome or reason), never a toast a file.
 * A batch leads the person away only where they must act (confirming a secretariat's card).
 */
export function useImportMany(): {
  importFiles: (opened: OpenedFiles, accept: readonly PackageType[], source: ImportSource) => Promise<ImportSummary>;
  pickAndImport: (accept: readonly PackageType[], from: OpenManyArgs['from']) => Promise<ImportSummary | null>;
} {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const language = useUiLanguage();
  const importFiles = useCallback(
    async (opened: OpenedFiles, accept: readonly PackageType[], source: ImportSource) => {
      const summary = await trackSave(() => importMany(opened, accept, (bytes, name) => importFile(packageBlob(bytes), ANY_PACKAGE, name)));
      const [only] = summary.entries;
      if (summary.entries.length === 1 && only) {
        const { kind, text } = describeEntry(t, only, language);
        const prefix = source === 'opened' ? t('packages.openedFile', { file: only.fileName }) : '';
        const calm = only.verdict === 'imported' || only.verdict === 'superseded' || only.verdict === 'duplicate';
        const level = only.verdict === 'duplicate' ? 'info' : calm ? 'success' : kind === 'no-anchor' ? 'warning' : 'error';
        void message[level]({ content: <ImportOutcome kind={kind} text={prefix + text} />, duration: calm ? 4 : 10 });
        follow(only);
      } else if (summary.entries.length > 1) {
        void modal.info({ title: t('packages.importMany.title', { total: summary.entries.length }), content: <ImportSummaryList summary={summary} />, width: 760, okText: t('packages.importMany.close') });
        const anchor = summary.entries.find((e) => ('outcome' in e && e.outcome.type === 'identity-card' && e.outcome.as === 'anchor') || ('error' in e && e.error.code === 'no-anchor'));
        if (anchor) follow(anchor);
      }
      return summary;
    },
    [t, message, modal, language],
  );
  const pickAndImport = useCallback(
    async (accept: readonly PackageType[], from: OpenManyArgs['from']) => {
      const opened = await getHost().files.openMany({ kind: 'package', from });
      if (!opened.ok) {
        void message.error(describeFileFault(t, opened.error, 'open'));
        return null;
      }
      // A cancelled dialog says nothing; a folder (or a pick) with no package in it says so.
      if (opened.value.cancelled) return null;
      if (opened.value.files.length === 0 && opened.value.skipped.length === 0) {
        void message.info(t('packages.importMany.noPackages'));
        return null;
      }
      return importFiles(opened.value, accept, 'picked');
    },
    [importFiles, message, t],
  );
  return { importFiles, pickAndImport };
}
