import { useFeedback } from '../../../app/deferred-feedback.js';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLanguage } from '../../../../../shared/workflow/workflow-error.js';
import { getDatabase } from '../../../db/database.js';
import { getHost } from '../../../host/get-host.js';
import { saveThroughSink } from '../../../host/handle-stream.js';
import { bridgeKeyHolder } from '../../../device/bridge-key-holder.js';
import { loadDeviceKeys } from '../../../device/device-keys.js';

/** Exports the review's scoresheet through the host's save dialog, streamed into the file by handle, and says what happened. */
export function useExportScoresheet(): (reviewId: string) => Promise<void> {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  return useCallback(
    async (reviewId) => {
      const say = (level: 'success' | 'error' | 'warning', kind: string, text: string) =>
        void message[level]({ content: <span data-testid="export-outcome" data-outcome={kind}>{text}</span>, duration: level === 'success' ? 4 : 10 });
      try {
        // Signing and packing are fetched on the first export, not at start.
        const [keys, { exportScoresheet }] = await Promise.all([loadDeviceKeys(), import('./export-scoresheet.js')]);
        const result = await exportScoresheet(getDatabase(), reviewId, {
          keys: bridgeKeyHolder(getHost().keys),
          deviceKeyId: keys.keyId,
          saveInto: (suggestedName, write) => saveThroughSink(getHost().files, { kind: 'package', suggestedName }, write),
        });
        if (!result.ok) {
          if (result.error.kind === 'no-assignment') say('warning', 'no-assignment', t('packages.exportDemo'));
          else say('error', 'failed', t('packages.exportFailed', { error: pickLanguage(result.error.error, i18n.language === 'en' ? 'en' : 'zh-CN') }));
        } else if (result.value.kind === 'saved') {
          say('success', 'saved', t('packages.exported', { revision: result.value.revision, file: result.value.savedAs }));
        }
      } catch (e) {
        say('error', 'failed', t('packages.exportFailed', { error: e instanceof Error ? e.message : String(e) }));
      }
    },
    [t, i18n, message],
  );
}
