// Component tests run in happy-dom with a fake IndexedDB and a bridge that answers like main would
// for calls with no result (main is not running here).
import 'fake-indexeddb/auto';
import type { DesktopBridge } from '../shared/api/contractTypes';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

const quietBridge: DesktopBridge<File> = {
  invoke: async () => ({ ok: true, value: null }),
  subscribe: () => () => {},
  pathForFile: () => '',
};
window.lectern = quietBridge;
// happy-dom has no document.fonts, which Mantine's autosizing Textarea listens to.
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget() });

afterEach(() => cleanup());
