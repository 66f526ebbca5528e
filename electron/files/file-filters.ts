import type { FileKind } from '../../shared/bridge/contract.js';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * Dialog filters per kind of file, labelled in Chinese (the file type names a Chinese user
 * sees in Explorer). Identity cards are packages too (`.zqa`).
 */
export const FILE_FILTERS: Readonly<Record<FileKind, FileFilter>> = {
  package: { name: '评审数据包 (*.zqa)', extensions: ['zqa'] },
  'identity-card': { name: '身份卡 (*.zqa)', extensions: ['zqa'] },
  pdf: { name: 'PDF 文档 (*.pdf)', extensions: ['pdf'] },
  spreadsheet: { name: 'Excel 工作簿 (*.xlsx)', extensions: ['xlsx'] },
  csv: { name: 'CSV 表格 (*.csv)', extensions: ['csv'] },
  backup: { name: '评审数据备份 (*.zqabak)', extensions: ['zqabak'] },
  'key-backup': { name: '秘书处密钥备份 (*.zqakey)', extensions: ['zqakey'] },
  // An industry's criteria set (Art. 16), validated on import.
  'criteria-set': { name: '评审标准 (*.json)', extensions: ['json'] },
};

export const DIALOG_TITLES = {
  open: '打开文件',
  openMany: '选择文件（可多选）',
  openFolder: '选择文件夹（如 U 盘）',
  save: '保存文件',
} as const;

/** Filters for a dialog: the kind's own first, then "all files" so a renamed file can still be chosen. */
export function dialogFilters(kind: FileKind): FileFilter[] {
  return [FILE_FILTERS[kind], { name: '所有文件 (*.*)', extensions: ['*'] }];
}
