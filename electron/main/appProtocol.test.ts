// The app:// protocol serves the built renderer with the CSP on every response, and nothing outside it.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../common/contentSecurityPolicy';

let handler: ((request: Request) => Promise<Response>) | undefined;
vi.mock('electron', () => ({
  protocol: {
    handle: (_scheme: string, h: typeof handler) => (handler = h),
    registerSchemesAsPrivileged: () => {},
  },
}));

const { serveRenderer } = await import('./appProtocol');

it('answers with the CSP, serves the renderer, and refuses paths outside it or other hosts', async () => {
  const root = await mkdtemp(join(tmpdir(), 'lectern-protocol-'));
  await mkdir(join(root, 'renderer'));
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html>app');
  await writeFile(join(root, 'secret.txt'), 'private');
  serveRenderer(join(root, 'renderer'), async () => undefined);

  const page = await handler!(new Request('app://lectern/index.html'));
  expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  expect(await page.text()).toBe('<!doctype html>app');

  for (const url of ['app://lectern/%2e%2e/secret.txt', 'app://other/index.html']) {
    const response = await handler!(new Request(url));
    expect(await response.text()).not.toContain('private');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  }
});

it('serves the silence that warms the media pipeline as audio, which nosniff requires of a media file', async () => {
  const root = await mkdtemp(join(tmpdir(), 'lectern-protocol-'));
  await writeFile(join(root, 'silence.webm'), new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]));
  serveRenderer(root, async () => undefined);

  const silence = await handler!(new Request('app://lectern/silence.webm'));
  expect(silence.status).toBe(200);
  expect(silence.headers.get('x-content-type-options')).toBe('nosniff');
  expect(silence.headers.get('content-type')).toBe('audio/webm');
});
