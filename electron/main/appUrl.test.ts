// The app's own pages, and the start page: the dev server only in an unpackaged run, on loopback.
import { describe, expect, it } from 'vitest';
import { appOrigin, isAppUrl, rendererStartUrl } from './appUrl';

describe('rendererStartUrl', () => {
  const devServer = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };

  it('uses the dev server while developing', () => {
    expect(rendererStartUrl(false, devServer)).toBe('http://localhost:5173/');
  });

  it('ignores the dev server variable in a packaged app', () => {
    expect(rendererStartUrl(true, devServer)).toBe(`${appOrigin}/index.html`);
  });

  it('opens the built app without the variable, or when it points anywhere but this computer', () => {
    expect(rendererStartUrl(false, {})).toBe(`${appOrigin}/index.html`);
    for (const url of ['https://evil.example/', 'file:///tmp/page.html', 'http://10.0.0.5:5173/', 'nonsense'])
      expect(rendererStartUrl(false, { ELECTRON_RENDERER_URL: url }), url).toBe(`${appOrigin}/index.html`);
  });
});

describe('isAppUrl', () => {
  it('matches scheme and host, never a file:// page or another host', () => {
    const start = `${appOrigin}/index.html`;
    expect(isAppUrl('app://lectern/index.html#/record', start)).toBe(true);
    expect(isAppUrl('app://lectern', start)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', start)).toBe(false);
    expect(isAppUrl('app://other/index.html', start)).toBe(false);
    expect(isAppUrl('not a url', start)).toBe(false);
  });
});
