// The app's Content-Security-Policy, in one place for the three places that state it: the
// Electron app protocol's header (electron/security/csp.ts), the page's own meta tag (written
// into index.html by renderer/vite.config.ts) and the browser host's header (renderer/serve.mjs).
// Plain JavaScript so the browser host's server imports it under Node without a build.
//
// Scripts come only from our own bundle. `style-src` allows inline styles because antd 6 is
// CSS-in-JS and injects <style> elements at run time; scripts never get 'unsafe-inline' or
// 'unsafe-eval' (zod runs jitless in the renderer for this reason). Images may be blob: and
// data: URLs (attachments and photos are Blobs), fonts may be data: (the report font).
// Nothing may be framed, posted or fetched from anywhere but the app's own origin.

/** @type {Readonly<Record<string, readonly string[]>>} */
export const CSP_DIRECTIVES = Object.freeze({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
});

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/**
 * The policy as the page's meta tag. A meta tag cannot carry `frame-ancestors` (browsers
 * ignore it there and warn), so the tag states every other directive; both hosts send the
 * whole policy as a header as well.
 */
export const META_CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .filter(([directive]) => directive !== 'frame-ancestors')
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
