import { describe, expect, it } from 'vitest';
import { linearSearch } from './journalSearch';
import {
  createSearchServer,
  JournalSearchClient,
  type SearchPort,
  type SearchReply,
  type SearchRequest,
} from './journalSearchProtocol';
import { testEntry } from './testEntries';

const corpus = [
  testEntry({ id: 'skills', title: '演讲技巧总结', body: '今天练习了开场白。' }),
  testEntry({ id: 'peer', title: '周会', body: '大家互相点评，收获很多。' }),
  testEntry({ id: 'en', title: 'Tuesday practice', body: 'My opening was strong.', tags: ['delivery'] }),
];

/** A worker stand-in: messages cross through structuredClone, and replies wait until `flush`. */
function fakeWorker() {
  const sent: SearchRequest[] = [];
  const queued: SearchReply[] = [];
  const port: SearchPort = { postMessage: (message) => sent.push(structuredClone(message)), onmessage: null };
  const serve = createSearchServer((reply) => queued.push(structuredClone(reply)));
  return {
    port,
    sent,
    /** Lets the worker handle what was posted, then delivers its replies. */
    flush() {
      for (const message of sent.splice(0)) serve(message);
      for (const reply of queued.splice(0)) port.onmessage?.({ data: reply });
    },
  };
}

const ids = async (client: JournalSearchClient, query: string) => (await client.search(query)).sort();

describe('journal search worker protocol', () => {
  it('answers by linear scan until the worker has built the index, then from the index', async () => {
    const worker = fakeWorker();
    const client = new JournalSearchClient(worker.port);
    client.sync(corpus);
    expect(worker.sent).toMatchObject([{ type: 'sync', generation: 1, removals: [] }]);
    expect(client.indexReady).toBe(false);
    expect(await ids(client, '演讲')).toEqual(['skills']);
    expect(worker.sent).toHaveLength(1); // the scan did not ask the worker

    let readies = 0;
    client.subscribe(() => readies++);
    worker.flush();
    expect(client.indexReady).toBe(true);
    expect(readies).toBe(1);
    expect(client.buildMs).toEqual(expect.any(Number));

    const pending = ids(client, '点评');
    expect(worker.sent).toMatchObject([{ type: 'search', query: '点评' }]);
    worker.flush();
    expect(await pending).toEqual(['peer']);
  });

  it('sends only the entries that changed, and removals', async () => {
    const worker = fakeWorker();
    const client = new JournalSearchClient(worker.port);
    client.sync(corpus);
    worker.flush();
    client.sync(corpus);
    expect(worker.sent).toEqual([]);

    const edited = { ...corpus[0]!, body: '即兴演讲', updatedAt: '2025-04-01T00:00:00.000Z' };
    client.sync([edited, corpus[2]!]);
    expect(worker.sent).toEqual([
      {
        type: 'sync',
        generation: 2,
        upserts: [{ id: 'skills', title: edited.title, body: '即兴演讲', tags: [] }],
        removals: ['peer'],
      },
    ]);
    const pending = Promise.all([ids(client, '即兴'), ids(client, '开场白'), ids(client, '点评')]);
    worker.flush();
    expect(await pending).toEqual([['skills'], [], []]);
  });

  it('scans while a big sync (an import) builds, then uses the index again', async () => {
    const worker = fakeWorker();
    const client = new JournalSearchClient(worker.port);
    client.sync([]);
    worker.flush();
    expect(client.indexReady).toBe(true);
    const many = Array.from({ length: 600 }, (_, i) => testEntry({ id: `n${i}`, title: `演讲 ${i}` }));
    let changes = 0;
    client.subscribe(() => changes++);
    client.sync(many);
    expect(client.indexReady).toBe(false);
    expect(changes).toBe(1);
    expect((await client.search('演讲')).length).toBe(600);
    worker.flush();
    expect(client.indexReady).toBe(true);
    expect(changes).toBe(2);
  });

  it('falls back to scanning for good when the worker fails', async () => {
    const worker = fakeWorker();
    const client = new JournalSearchClient(worker.port);
    client.sync(corpus);
    worker.flush();
    const pending = ids(client, 'opening');
    client.fallBack();
    expect(await pending).toEqual(['en']);
    expect(await ids(client, 'delivery')).toEqual(['en']);
    expect(new JournalSearchClient(null).indexReady).toBe(false);
  });

  it('reports a failed search with its request id', () => {
    const replies: SearchReply[] = [];
    const serve = createSearchServer((reply) => replies.push(reply));
    serve({ type: 'search', requestId: 7, query: null as unknown as string });
    expect(replies).toMatchObject([{ type: 'failed', requestId: 7 }]);
  });
});

describe('linear search', () => {
  it('matches what the index matches, title hits first', () => {
    const entries = [
      testEntry({ id: 'body', title: 'x', body: '互相点评 pause' }),
      testEntry({ id: 'title', title: '点评 Pause', body: 'x' }),
      testEntry({ id: 'none', title: '点', body: '评' }),
    ];
    expect(linearSearch(entries, '点评 pause').map((hit) => hit.id)).toEqual(['title', 'body']);
    expect(linearSearch(entries, '  ')).toEqual([]);
  });
});

describe('search server', () => {
  it('reports the index size after each sync', () => {
    const replies: SearchReply[] = [];
    const serve = createSearchServer((reply) => replies.push(reply));
    serve({ type: 'sync', generation: 1, upserts: corpus, removals: [] });
    serve({ type: 'sync', generation: 2, upserts: [corpus[0]!], removals: ['peer'] });
    expect(replies).toMatchObject([
      { type: 'synced', generation: 1, size: 3 },
      { type: 'synced', generation: 2, size: 2 },
    ]);
  });
});
