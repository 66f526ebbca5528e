import { useFeedback } from '../app/deferred-feedback.js';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getHost } from '../host/get-host.js';
import { ANY_PACKAGE } from './incoming-types.js';
import { useImportPackage } from './use-import-package.js';
import { describeFileFault } from '../ui/common/file-fault.js';

/**
 * Files the OS asked the app to open (Electron: double-click, `open-file`, argv), taken at
 * start-up and whenever the window gains focus, each through the one registry of incoming
 * package types (incoming.ts): its verified manifest type decides which step receives it on
 * this device, and the person is told what came of it.
 */
export function usePendingOpens(): void {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const { importBytes } = useImportPackage();
  useEffect(() => {
    let busy = false;
    const take = async () => {
      if (busy) return; // focus can fire again while a file is still being imported
      busy = true;
      try {
        const pending = await getHost().files.takePendingOpens();
        if (!pending.ok) return void message.error(describeFileFault(t, pending.error, 'open'));
        for (const file of pending.value) await importBytes(file.bytes, ANY_PACKAGE, file.name);
      } finally {
        busy = false;
      }
    };
    void take();
    const onFocus = () => void take();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [message, importBytes, t]);
}
