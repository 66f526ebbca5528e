import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { fileNames } from '../../../../shared/workflow/file-names.js';
import { pickLanguage } from '../../../../shared/workflow/workflow-error.js';
import { noteCardExported, saveCardFile, writeCardOfThisDevice, type DeviceProfileRecord } from './store/identity-store.js';

/** Saves this device's identity card (a `.zqa` package) for the secretariat. */
export function ExportCardButton({ profile }: { profile: DeviceProfileRecord | null }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const run = async () => {
    if (!profile) return void message.warning(t('identity.exportCardNeedsProfile'));
    try {
      const written = await writeCardOfThisDevice(profile);
      if (!written.ok) return void message.error(t('identity.exportFailed', { error: pickLanguage(written.error, i18n.language === 'en' ? 'en' : 'zh-CN') }));
      const saved = await saveCardFile(fileNames.identityCard(profile.name), written.value.bytes);
      if (!saved.ok) return void message.error(t('identity.exportFailed', { error: saved.error.message }));
      if (!saved.value) return;
      await noteCardExported(written.value.revision);
      void message.success(t('identity.exported', { file: saved.value.savedAs }));
    } catch (e) {
      void message.error(t('identity.exportFailed', { error: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <Button onClick={() => void run()} disabled={!profile} data-testid="export-card">
      {t('identity.exportCard')}
    </Button>
  );
}
