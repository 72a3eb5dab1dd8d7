// The Web Worker holding the journal's search index (see shared/journal/journalSearchProtocol.ts):
// the page posts the entries that changed and the queries; this answers in order.
import {
  createSearchServer,
  type SearchReply,
  type SearchRequest,
} from '../../shared/journal/journalSearchProtocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
  postMessage(message: SearchReply): void;
};

const serve = createSearchServer(
  (message) => scope.postMessage(message),
  () => performance.now(),
);
scope.onmessage = (event) => serve(event.data);
