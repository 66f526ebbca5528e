/**
 * The Content-Security-Policy the app protocol sends with every response: the app's one
 * policy (shared/security/content-security-policy.mjs), which the browser host's server and
 * the page's meta tag state too.
 */
export { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../shared/security/content-security-policy.mjs';
