// The page's Content-Security-Policy, sent by both hosts (Electron's app:// protocol and the web host).
// No remote code, no eval, no plugins, no framing; styles may be inline because the UI kit sets
// CSS variables through style attributes.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
