import { useFeedback } from '../app/deferred-feedback.js';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getHost } from '../host/get-host.js';
import { ANY_PACKAGE } from './incoming-types.js';
import { useImportMany } from './use-import-many.js';
import { describeFileFault } from '../ui/common/file-fault.js';

/**
 * Files the OS asked the app to open (Electron: double-click, `open-file`, argv), taken at
 * start-up and whenever the window gains focus, all of them as one import (use-import-many):
 * each file's verified manifest type decides which step receives it on this device, and the
 * person is told what came of them in one summary.
 */
export function usePendingOpens(): void {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const { importFiles } = useImportMany();
  useEffect(() => {
    let busy = false;
    const take = async () => {
      if (busy) return; // focus can fire again while a file is still being imported
      busy = true;
      try {
        const pending = await getHost().files.takePendingOpens();
        if (!pending.ok) return void message.error(describeFileFault(t, pending.error, 'open'));
        if (pending.value.length > 0) await importFiles({ files: pending.value, skipped: [] }, ANY_PACKAGE, 'opened');
      } finally {
        busy = false;
      }
    };
    void take();
    const onFocus = () => void take();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [message, importFiles, t]);
}
