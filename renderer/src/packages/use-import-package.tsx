import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { describePackageError } from '../../../shared/packages/errors.js';
import type { PackageType } from '../../../shared/packages/manifest.js';
import { getDatabase } from '../db/database.js';
import { getHost } from '../host/get-host.js';
import { bridgeKeyHolder } from '../identity/bridge-key-holder.js';
import { loadDeviceKeys } from '../identity/device-keys.js';
import { useUiLanguage } from '../identity/ui-language.js';
import { showWorkspace } from '../identity/workspace-choice.js';
import type { ApplyOutcome } from './apply-package.js';
import { showReview } from './review-choice.js';

/** One line the person reads after an import; `data-outcome` lets tests read it too. */
function Outcome({ kind, text }: { kind: string; text: string }) {
  return (
    <span data-testid="import-outcome" data-outcome={kind}>
      {text}
    </span>
  );
}

/**
 * Imports package files and tells the person what happened, in the UI language: what was
 * stored, that it was already there (nothing changed), or why it was refused (nothing
 * changed either). Used by the buttons and by files the OS asked the app to open.
 */
export function useImportPackage(): {
  importBytes: (bytes: Uint8Array, accept: readonly PackageType[], fileName?: string) => Promise<ApplyOutcome | null>;
  pickAndImport: (accept: readonly PackageType[]) => Promise<ApplyOutcome | null>;
} {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useUiLanguage();
  const importBytes = useCallback(
    async (bytes: Uint8Array, accept: readonly PackageType[], fileName?: string) => {
      const prefix = fileName ? t('packages.openedFile', { file: fileName }) : '';
      const say = (level: 'success' | 'info' | 'warning' | 'error', kind: string, text: string) =>
        void message[level]({ content: <Outcome kind={kind} text={prefix + text} />, duration: level === 'success' || level === 'info' ? 4 : 10 });
      try {
        // Verifying a package pulls in the PKI code: fetched on the first import, not at start.
        const [keys, { importPackageFile }] = await Promise.all([loadDeviceKeys(), import('./import-package-file.js')]);
        const result = await importPackageFile(getDatabase(), bytes, { keys: bridgeKeyHolder(getHost().keys), accept, deviceKeyId: keys.keyId });
        if (!result.ok) {
          if (result.error.kind === 'no-anchor') {
            say('warning', 'no-anchor', t('packages.noAnchor'));
            showWorkspace('identity');
          } else if (result.error.error.code === 'duplicate') say('info', 'duplicate', t('packages.duplicate'));
          else say('error', result.error.error.code, t('packages.refused', { error: describePackageError(result.error.error, language) }));
          return null;
        }
        const o = result.value;
        if (o.type === 'assignment') {
          say('success', 'assignment', t(o.superseded ? 'packages.assignmentUpdated' : 'packages.assignmentImported', { applicant: o.applicantName, revision: o.revision }));
          showReview(o.reviewId);
        } else {
          say('success', 'scoresheet', t('packages.scoresheetImported', { name: o.memberName, revision: o.revision }));
        }
        return o;
      } catch (e) {
        say('error', 'failed', t('packages.refused', { error: e instanceof Error ? e.message : String(e) }));
        return null;
      }
    },
    [t, message, language],
  );
  const pickAndImport = useCallback(
    async (accept: readonly PackageType[]) => {
      const opened = await getHost().files.open({ kind: 'package' });
      if (!opened.ok) {
        void message.error(opened.error.message);
        return null;
      }
      return opened.value ? importBytes(opened.value.bytes, accept) : null;
    },
    [importBytes, message],
  );
  return { importBytes, pickAndImport };
}
