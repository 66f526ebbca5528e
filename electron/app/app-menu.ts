/**
 * A minimal application menu in Chinese: the edit roles (so copy, paste and undo work in
 * text fields, and on macOS at all), zoom for small laptop screens, and quit. No devtools
 * or reload entries in production: a reload would drop unsaved dialog state for nothing.
 */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'reload'
  | 'minimize'
  | 'close'
  | 'quit'
  | 'about';

export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  submenu?: MenuItemSpec[];
}

export function appMenuTemplate(options: { isMac: boolean; isDevelopment: boolean; productName: string }): MenuItemSpec[] {
  const separator: MenuItemSpec = { type: 'separator' };
  const view: MenuItemSpec[] = [
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    separator,
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (options.isDevelopment) view.push(separator, { label: '重新加载', role: 'reload' }, { label: '开发者工具', role: 'toggleDevTools' });
  return [
    ...(options.isMac ? [{ label: options.productName, submenu: [{ label: `关于${options.productName}`, role: 'about' as const }, separator, { label: '退出', role: 'quit' as const }] }] : []),
    { label: '文件', submenu: [options.isMac ? { label: '关闭窗口', role: 'close' } : { label: '退出', role: 'quit' }] },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        separator,
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '窗口', submenu: [{ label: '最小化', role: 'minimize' }] },
  ];
}
