import { spawn } from 'node:child_process';

/**
 * The command that opens a URL in the machine's browser, or null where there is none to
 * open: on Linux only with a desktop session, since `xdg-open` on a bare console falls back
 * to a text browser that would take over the terminal.
 */
export function browserOpener(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): { command: string; args: (url: string) => string[] } | null {
  if (platform === 'win32') return { command: 'cmd', args: (url) => ['/c', 'start', '""', url] };
  if (platform === 'darwin') return { command: 'open', args: (url) => [url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { command: 'xdg-open', args: (url) => [url] };
}

/** Opens the URL, detached; resolves to whether an opener was started. */
export function openInBrowser(url: string, platform = process.platform, env = process.env): Promise<boolean> {
  const opener = browserOpener(platform, env);
  if (!opener) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(opener.command, opener.args(url), { detached: true, stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
