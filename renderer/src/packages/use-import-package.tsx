import { useFeedback } from '../app/deferred-feedback.js';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageType } from '../../../shared/packages/manifest.js';
import { formatHundredths } from '../../../shared/scoring/hundredths.js';
import { pickLanguage, type WorkflowError } from '../../../shared/workflow/workflow-error.js';
import { getHost } from '../host/get-host.js';
import { useUiLanguage } from '../i18n/ui-language.js';
import { showWorkspace } from '../app/workspace-choice.js';
import { importFile } from './import-file.js';
import type { IncomingOutcome } from './incoming.js';
import { showReview } from '../workspaces/expert/store/review-choice.js';
import { describeFileFault } from '../ui/common/file-fault.js';

/** One line the person reads after an import; `data-outcome` lets tests read it too. */
function Outcome({ kind, text }: { kind: string; text: string }) {
  return (
    <span data-testid="import-outcome" data-outcome={kind}>
      {text}
    </span>
  );
}

/** The code a refusal is known by: the package's own refusal code, or the step's. */
const refusalCode = (error: WorkflowError): string => error.package?.code ?? error.code;

/**
 * Imports package files through the one registry of incoming package types (incoming.ts) and
 * tells the person what happened, in the UI language: what was stored, that it was already
 * there (nothing changed), or why it was refused (nothing changed either); then shows where
 * it went. Used by import buttons and by files the OS asked the app to open.
 */
export function useImportPackage(): {
  /** `opened`: a file the OS handed the app, so the message names it. */
  importBytes: (bytes: Uint8Array, accept: readonly PackageType[], fileName?: string, opened?: boolean) => Promise<IncomingOutcome | null>;
  pickAndImport: (accept: readonly PackageType[]) => Promise<IncomingOutcome | null>;
} {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const language = useUiLanguage();
  const importBytes = useCallback(
    async (bytes: Uint8Array, accept: readonly PackageType[], fileName?: string, opened = true) => {
      const prefix = fileName && opened ? t('packages.openedFile', { file: fileName }) : '';
      const say = (level: 'success' | 'info' | 'warning' | 'error', kind: string, text: string) =>
        void message[level]({ content: <Outcome kind={kind} text={prefix + text} />, duration: level === 'success' || level === 'info' ? 4 : 10 });
      try {
        const result = await importFile(bytes, accept, fileName);
        if (!result.ok) {
          const code = refusalCode(result.error);
          if (code === 'no-anchor') {
            say('warning', 'no-anchor', t('packages.noAnchor'));
            showWorkspace('identity');
          } else if (code === 'duplicate') say('info', 'duplicate', t('packages.duplicate'));
          else say('error', code, t('packages.refused', { error: pickLanguage(result.error, language) }));
          return null;
        }
        const o = result.value;
        switch (o.type) {
          case 'assignment':
            say('success', o.type, t(o.superseded ? 'packages.assignmentUpdated' : 'packages.assignmentImported', { applicant: o.applicantName, revision: o.revision }));
            showReview(o.reviewId);
            break;
          case 'scoresheet':
            say('success', o.type, t('packages.scoresheetImported', { name: o.memberName, revision: o.revision }));
            break;
          case 'identity-card':
            say('success', o.type, t(o.as === 'expert' ? 'packages.cardImported' : 'packages.anchorOffered', { name: o.name }));
            showWorkspace(o.as === 'expert' ? 'secretariat' : 'identity');
            break;
          case 'report-for-signing':
            say('success', o.type, t('packages.reportImported', { applicant: o.applicantName }));
            showWorkspace('countersign');
            break;
          case 'countersignature':
            say('success', o.type, t('packages.countersignatureImported', { name: o.signerName }));
            showWorkspace('leader');
            break;
          case 'panel-return':
            say('success', o.type, t('packages.returnImported', { applicant: o.applicantName, total: formatHundredths(o.totalHundredths) }));
            showWorkspace('secretariat');
            break;
        }
        return o;
      } catch (e) {
        console.error(e);
        say('error', 'failed', t('packages.refused', { error: t('faults.otherFailed') }));
        return null;
      }
    },
    [t, message, language],
  );
  const pickAndImport = useCallback(
    async (accept: readonly PackageType[]) => {
      const opened = await getHost().files.open({ kind: 'package' });
      if (!opened.ok) {
        void message.error(describeFileFault(t, opened.error, 'open'));
        return null;
      }
      return opened.value ? importBytes(opened.value.bytes, accept, opened.value.name, false) : null;
    },
    [importBytes, message, t],
  );
  return { importBytes, pickAndImport };
}
