import { FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PackageType } from '../../../shared/packages/manifest.js';
import type { ImportSummary } from './import-many.js';
import { useImportMany } from './use-import-many.js';

/**
 * An import where the work is: the button picks one file or several at once, the folder
 * button beside it a whole folder (a USB stick's). Both go through the one import of many
 * files and show one summary. `testId` names the file button; the folder's is `testId-folder`.
 */
export function ImportButtons({ accept, label, testId, primary = false, disabled = false, onImported }: { accept: readonly PackageType[]; label: string; testId: string; primary?: boolean; disabled?: boolean; onImported?: (summary: ImportSummary) => void }) {
  const { t } = useTranslation();
  const { pickAndImport } = useImportMany();
  // No busy state: a second pick while the first files are still being imported is allowed
  // (each file is its own transaction; the save indicator shows the work in progress).
  const run = async (from: 'files' | 'folder') => {
    const summary = await pickAndImport(accept, from);
    if (summary) onImported?.(summary);
  };
  // The hints are the browser's own titles, not antd Tooltips: a Tooltip stays open while the
  // pointer rests on the button after the file dialog closes, and covers the tabs above it.
  return (
    <Space.Compact>
      <Button type={primary ? 'primary' : 'default'} icon={<UploadOutlined />} disabled={disabled} onClick={() => void run('files')} title={t('packages.importMany.files')} data-testid={testId}>
        {label}
      </Button>
      <Button
        type={primary ? 'primary' : 'default'}
        icon={<FolderOpenOutlined />}
        disabled={disabled}
        onClick={() => void run('folder')}
        title={t('packages.importMany.folderHint')}
        aria-label={t('packages.importMany.folder')}
        data-testid={`${testId}-folder`}
      />
    </Space.Compact>
  );
}
