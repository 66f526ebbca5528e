import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../electron/app/app-identity.js';
import { appMenuTemplate, type MenuItemSpec } from '../../electron/app/app-menu.js';
import { wireOsFileOpens, type FileOpenEvents } from '../../electron/app/os-file-opens.js';

const roles = (items: MenuItemSpec[]): string[] => items.flatMap((item) => [...(item.role ? [item.role] : []), ...roles(item.submenu ?? [])]);
const labels = (items: MenuItemSpec[]): string[] => items.flatMap((item) => [...(item.label ? [item.label] : []), ...labels(item.submenu ?? [])]);

describe('application menu', () => {
  it('is minimal and Chinese, with no developer tools or reload in production', () => {
    const menu = appMenuTemplate({ isMac: false, isDevelopment: false, productName: '市长质量奖现场评审' });
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口']);
    expect(roles(menu)).toEqual(expect.arrayContaining(['copy', 'paste', 'undo', 'quit', 'zoomIn']));
    expect(roles(menu)).not.toContain('toggleDevTools');
    expect(roles(menu)).not.toContain('reload');
    for (const label of labels(menu)) expect(label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('adds developer tools only in development, and the app menu on macOS', () => {
    expect(roles(appMenuTemplate({ isMac: false, isDevelopment: true, productName: 'x' }))).toContain('toggleDevTools');
    expect(appMenuTemplate({ isMac: true, isDevelopment: false, productName: '评审' })[0]?.label).toBe('评审');
  });
});

describe('files the OS asks the app to open', () => {
  function fakeApp() {
    const listeners: Record<string, (...args: never[]) => void> = {};
    const app: FileOpenEvents = {
      on(event: string, listener: (...args: never[]) => void) {
        listeners[event] = listener;
        return app;
      },
    };
    return { app, listeners };
  }

  it('queues macOS open-file packages and brings the window forward', () => {
    const { app, listeners } = fakeApp();
    const offered: string[] = [];
    let fronted = 0;
    wireOsFileOpens(app, (file) => offered.push(file), () => fronted++);
    let prevented = false;
    const openFile = listeners['open-file'] as (event: { preventDefault(): void }, path: string) => void;
    openFile({ preventDefault: () => (prevented = true) }, '/Users/me/assignment.zqa');
    openFile({ preventDefault: () => {} }, '/Users/me/photo.jpg');
    expect(prevented).toBe(true);
    expect(offered).toEqual(['/Users/me/assignment.zqa']);
    expect(fronted).toBe(2);
  });

  it("queues a second instance's packages, resolved against its working directory", () => {
    const { app, listeners } = fakeApp();
    const offered: string[] = [];
    wireOsFileOpens(app, (file) => offered.push(file), () => {});
    const secondInstance = listeners['second-instance'] as (event: unknown, argv: string[], cwd: string) => void;
    secondInstance({}, ['/opt/zqa/zqa-review', '--flag', 'scores.zqa', 'readme.txt'], '/media/usb');
    expect(offered).toEqual(['/media/usb/scores.zqa']);
  });
});

describe('app identity', () => {
  it("matches the installer's appId (Windows taskbar grouping and shortcuts)", () => {
    const config = readFileSync(path.resolve(import.meta.dirname, '../../build/electron-builder.yml'), 'utf8');
    expect(config.match(/^appId:\s*(\S+)\s*$/m)?.[1]).toBe(APP_ID);
  });
});
