import { isAppUrl } from './app-origin.js';

/**
 * App-wide guards, attached to every web contents the moment it is created (windows,
 * devtools, anything a future change adds), so no window can be forgotten: no new windows,
 * no navigation or redirect away from the app's own origin, no <webview>.
 */

export interface Preventable {
  preventDefault(): void;
}

/** The part of Electron's WebContents the guards use; a real WebContents satisfies it. */
export interface GuardableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
}

export interface GuardableApp {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardableContents) => void): unknown;
}

export type GuardDecision = 'allow' | 'deny';

/** In-app navigation (a reload, a hash route) stays allowed; anything else is refused. */
export function decideNavigation(url: string): GuardDecision {
  return isAppUrl(url) ? 'allow' : 'deny';
}

export function guardContents(contents: GuardableContents, onRefused: (what: string, url: string) => void = () => {}): void {
  // Every `window.open`, `target=_blank` and middle-click is refused, whatever the URL:
  // the app has one window and opens nothing else.
  contents.setWindowOpenHandler(({ url }) => {
    onRefused('window-open', url);
    return { action: 'deny' };
  });
  const refuseForeign = (what: string) => (event: Preventable, url: string) => {
    if (decideNavigation(url) === 'deny') {
      event.preventDefault();
      onRefused(what, url);
    }
  };
  contents.on('will-navigate', refuseForeign('navigate'));
  contents.on('will-redirect', refuseForeign('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onRefused('webview', '');
  });
}

export function installAppGuards(app: GuardableApp, onRefused?: (what: string, url: string) => void): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, onRefused));
}
