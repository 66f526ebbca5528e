import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../../electron/security/app-origin.js';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../electron/security/csp.js';
import { decideNavigation, guardContents, installAppGuards, type GuardableContents, type Preventable } from '../../electron/security/navigation-guards.js';
import { installPermissionHandlers, isPermissionGranted, PERMISSION_TABLE, type PermissionSession } from '../../electron/security/permissions.js';
import { installRequestFilter, isRequestAllowed } from '../../electron/security/request-filter.js';
import { hardenEverySession, type HardenableSession } from '../../electron/security/harden-session.js';
import { mainWindowOptions } from '../../electron/window/main-window-options.js';

// These tests pin the Electron security baseline (docs/security.md). Each fails if one item is lost.

describe('main window options', () => {
  const { webPreferences } = mainWindowOptions('/app/dist-electron/preload.cjs');

  it('sandboxes the renderer, isolates the context and gives it no Node', () => {
    expect(webPreferences.sandbox).toBe(true);
    expect(webPreferences.contextIsolation).toBe(true);
    expect(webPreferences.nodeIntegration).toBe(false);
    expect(webPreferences.nodeIntegrationInWorker).toBe(false);
    expect(webPreferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews off', () => {
    expect(webPreferences.webSecurity).toBe(true);
    expect(webPreferences.allowRunningInsecureContent).toBe(false);
    expect(webPreferences.webviewTag).toBe(false);
    expect(webPreferences.navigateOnDragDrop).toBe(false);
  });

  it('loads the bundled preload and nothing else', () => {
    expect(webPreferences.preload).toBe('/app/dist-electron/preload.cjs');
    expect(Object.keys(webPreferences)).not.toContain('additionalArguments');
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('is the strict policy, directive by directive', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(directives.get('font-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('never allows inline or evaluated scripts, or any remote source', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    for (const sources of Object.values(CSP_DIRECTIVES)) {
      for (const source of sources) expect(source).not.toMatch(/^(https?:|wss?:|\*)/);
    }
  });
});

describe('app origin', () => {
  it('recognises only app://zqa', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/assets/index.js#/review`)).toBe(true);
    for (const url of ['app://other/index.html', 'app://zqa:8080/', 'app://user@zqa/', 'https://zqa/', 'file:///etc/passwd', 'not a url', '']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

class FakeContents implements GuardableContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  readonly listeners = new Map<string, (event: Preventable, url: string) => void>();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  on(event: string, listener: (event: Preventable, url: string) => void): unknown {
    this.listeners.set(event, listener);
    return this;
  }
  /** Fires an event and says whether the guard prevented it. */
  fire(event: string, url = ''): boolean {
    let prevented = false;
    const listener = this.listeners.get(event);
    if (!listener) throw new Error(`no listener for ${event}`);
    listener({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

describe('navigation and window-open guards', () => {
  it('decides: own origin allowed, everything else denied', () => {
    expect(decideNavigation('app://zqa/index.html#/summary')).toBe('allow');
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///C:/Windows/', 'javascript:alert(1)', 'app://evil/', 'data:text/html,hi']) {
      expect(decideNavigation(url), url).toBe('deny');
    }
  });

  it('denies every window.open, even to the app itself', () => {
    const contents = new FakeContents();
    guardContents(contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });

  it('prevents navigation and redirects away from the app, and every webview', () => {
    const contents = new FakeContents();
    const refused: string[] = [];
    guardContents(contents, (what, url) => refused.push(`${what} ${url}`));
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-redirect', 'http://evil.test/')).toBe(true);
    expect(contents.fire('will-navigate', 'app://zqa/index.html')).toBe(false);
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(refused).toEqual(['navigate https://example.com/', 'redirect http://evil.test/', 'webview ']);
  });

  it('is attached to every web contents the app creates', () => {
    let created: ((event: unknown, contents: GuardableContents) => void) | undefined;
    installAppGuards({ on: (_event, listener) => (created = listener) });
    const first = new FakeContents();
    const second = new FakeContents();
    created?.({}, first);
    created?.({}, second);
    expect(first.windowOpenHandler).toBeDefined();
    expect(second.fire('will-navigate', 'https://example.com/')).toBe(true);
  });
});

describe('permissions', () => {
  it('denies everything in the table and everything not in it', () => {
    expect(Object.values(PERMISSION_TABLE).every((granted) => granted === false)).toBe(true);
    for (const permission of [...Object.keys(PERMISSION_TABLE), 'some-future-permission', '__proto__', 'toString']) {
      expect(isPermissionGranted(permission), permission).toBe(false);
    }
  });

  it('installs request, check and device handlers that all refuse', () => {
    const handlers: Partial<{ request: Parameters<PermissionSession['setPermissionRequestHandler']>[0]; check: Parameters<PermissionSession['setPermissionCheckHandler']>[0]; device: Parameters<PermissionSession['setDevicePermissionHandler']>[0] }> = {};
    installPermissionHandlers({
      setPermissionRequestHandler: (h) => (handlers.request = h),
      setPermissionCheckHandler: (h) => (handlers.check = h),
      setDevicePermissionHandler: (h) => (handlers.device = h),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      handlers.request?.({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(handlers.check?.({}, permission), permission).toBe(false);
    }
    expect(handlers.device?.({ deviceType: 'usb' })).toBe(false);
  });
});

describe('request filter', () => {
  it('cancels http, https, ws, wss, file and unknown schemes', () => {
    for (const url of ['http://example.com/', 'https://example.com/x.js', 'ws://127.0.0.1:1/', 'wss://example.com/', 'file:///etc/passwd', 'ftp://example.com/', 'chrome://settings', 'app://other/', 'blob:https://example.com/1', 'garbage']) {
      expect(isRequestAllowed(url), url).toBe(false);
    }
  });

  it("allows the app's own scheme, devtools, and in-memory URLs of the app", () => {
    for (const url of ['app://zqa/index.html', 'app://zqa/assets/noto-sans-sc.ttf', 'devtools://devtools/bundled/inspector.html', 'blob:app://zqa/6f1c', 'data:image/png;base64,AAAA']) {
      expect(isRequestAllowed(url), url).toBe(true);
    }
  });

  it('answers the session with cancel for refused URLs', () => {
    let listener: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | undefined;
    installRequestFilter({ onBeforeRequest: (l) => (listener = l) });
    const answers: boolean[] = [];
    listener?.({ url: 'https://example.com/' }, ({ cancel }) => answers.push(cancel));
    listener?.({ url: 'app://zqa/index.html' }, ({ cancel }) => answers.push(cancel));
    expect(answers).toEqual([true, false]);
  });
});

describe('every session', () => {
  it('gets the permission handlers and the request filter as Electron creates it', () => {
    let created: ((session: HardenableSession) => void) | undefined;
    hardenEverySession({ on: (_event, listener) => (created = listener) }, { deniedPermission: () => {}, cancelledRequest: () => {} });
    const installed: string[] = [];
    let filter: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | undefined;
    created?.({
      setPermissionRequestHandler: () => installed.push('request'),
      setPermissionCheckHandler: () => installed.push('check'),
      setDevicePermissionHandler: () => installed.push('device'),
      webRequest: { onBeforeRequest: (listener) => (filter = listener) },
    });
    expect(installed).toEqual(['request', 'check', 'device']);
    const answers: boolean[] = [];
    filter?.({ url: 'wss://example.com/' }, ({ cancel }) => answers.push(cancel));
    expect(answers).toEqual([true]);
  });
});
