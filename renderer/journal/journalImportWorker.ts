// The Web Worker that reads the files picked for import (renderer/journal/journalImportProtocol.ts):
// a big or hostile zip is read and inflated here, within the import limits, never on the page's thread.
import { serveImport, type ImportReply, type ImportRequest } from './journalImportProtocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportReply): void;
};

scope.onmessage = (event) => void serveImport(event.data, (message) => scope.postMessage(message));
