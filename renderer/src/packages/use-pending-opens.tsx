import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describePackageError } from '../../../shared/packages/errors.js';
import { getHost } from '../host/get-host.js';
import { offerAnchorCard } from '../identity/anchor-offer.js';
import { useUiLanguage } from '../identity/ui-language.js';
import { showWorkspace } from '../identity/workspace-choice.js';
import { registerPackageOpener } from './package-openers.js';
import { useImportPackage } from './use-import-package.js';

/**
 * Files the OS asked the app to open (Electron: double-click, `open-file`, argv), taken at
 * start-up and whenever the window gains focus, each routed by its manifest type. The type
 * is read from a structurally verified manifest; the import that follows verifies again
 * against the device's trust, so routing never trusts the file.
 */
export function usePendingOpens(): void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useUiLanguage();
  const { importBytes } = useImportPackage();
  useEffect(() => {
    const offs = [
      registerPackageOpener('assignment', (f) => void importBytes(f.bytes, ['assignment'], f.name)),
      registerPackageOpener('scoresheet', (f) => void importBytes(f.bytes, ['scoresheet'], f.name)),
      registerPackageOpener('identity-card', (f) => {
        showWorkspace('identity');
        offerAnchorCard({ fileName: f.name, bytes: f.bytes });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [importBytes]);
  useEffect(() => {
    let busy = false;
    const take = async () => {
      if (busy) return; // focus can fire again while a file is still being imported
      busy = true;
      try {
        const pending = await getHost().files.takePendingOpens();
        if (!pending.ok) return void message.error(pending.error.message);
        if (pending.value.length === 0) return;
        // Routing verifies the package (PKI code): fetched only when a file was actually opened.
        const { routeOpenedFile } = await import('./route-opened-file.js');
        for (const file of pending.value) {
          const routed = await routeOpenedFile(file);
          if (!routed.ok) {
            const text = t('packages.openedFile', { file: file.name }) + t('packages.refused', { error: describePackageError(routed.error, language) });
            void message.error({ content: <span data-testid="import-outcome" data-outcome={routed.error.code}>{text}</span>, duration: 10 });
          }
        }
      } finally {
        busy = false;
      }
    };
    void take();
    const onFocus = () => void take();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [message, t, language]);
}
