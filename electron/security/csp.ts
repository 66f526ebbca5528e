/**
 * The Content-Security-Policy the app protocol sends with every response.
 *
 * Scripts come only from our own bundle. `style-src` allows inline styles because antd 6 is
 * CSS-in-JS and injects <style> elements at run time; scripts never get `'unsafe-inline'`
 * or `'unsafe-eval'` (zod runs jitless in the renderer for this reason). Images may be blob:
 * and data: URLs (attachments and photos are Blobs), fonts may be data: (the report font).
 * Nothing may be framed, posted or fetched from anywhere but the app's own origin.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
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
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
