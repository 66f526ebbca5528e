import { isAppUrl } from '../security/app-origin.js';

/** The part of Electron's WebFrameMain the check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

/**
 * A bridge call is honoured only from the top-level frame of a page on the app's own
 * origin: not from an iframe (even one of ours), not from a page that somehow navigated
 * elsewhere, not from a frame that is already gone (`senderFrame` is null).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}
