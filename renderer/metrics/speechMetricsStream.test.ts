// The worker pipeline: decoded PCM pushed in chunks of any size through the stream and the worker's
// host gives exactly the metrics of the whole recording analysed at once, with only a few blocks in
// flight however fast the decoder pushes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseSpeech } from '../../shared/audio/metrics/analyseSpeech';
import { chunked, concat, silence, syllables } from '../../shared/audio/metrics/testSignals';
import { serveMetrics, type FromMetricsWorker, type ToMetricsWorker } from './metricsWorkerHost';
import { SpeechMetricsStream, type MetricsPort } from './speechMetricsStream';

const rate = 16_000;
const speech = concat(
  silence(rate, 0.5),
  syllables(rate, 12, 4),
  silence(rate, 2.5),
  syllables(rate, 8, 4, 180),
  silence(rate, 0.5),
);

/** A worker in this thread: the host answers a little later, as a real worker would, copying as postMessage does. */
function fakeWorker(options: { failAt?: number } = {}) {
  const stats = { pending: 0, maxPending: 0, pushes: 0, terminated: false };
  const port: MetricsPort = {
    onmessage: null,
    postMessage(message: ToMetricsWorker) {
      const copy: ToMetricsWorker =
        message.type === 'push' ? { type: 'push', samples: message.samples.slice() } : message;
      const index = copy.type === 'push' ? ++stats.pushes : 0;
      if (copy.type === 'push') stats.maxPending = Math.max(stats.maxPending, ++stats.pending);
      setTimeout(() => {
        if (copy.type === 'push') stats.pending--;
        if (index === options.failAt)
          return port.onmessage?.({ data: { type: 'failed', message: 'out of memory' } });
        host(copy);
      }, 1);
    },
    terminate() {
      stats.terminated = true;
    },
  };
  const host = serveMetrics((data: FromMetricsWorker) => port.onmessage?.({ data }));
  return { port, stats };
}

async function throughStream(sizes: readonly number[], port: MetricsPort) {
  const stream = new SpeechMetricsStream(rate, port);
  for (const chunk of chunked(speech, sizes)) await stream.push(chunk);
  return stream.finish();
}

describe('SpeechMetricsStream', () => {
  it('gives the metrics analyseSpeech gives for the whole recording, however it is chunked', async () => {
    const whole = await analyseSpeech([speech], rate);
    expect(whole.pauses.long).toHaveLength(1);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 40_000 }), { minLength: 1, maxLength: 6 }),
        async (sizes) => {
          const { port, stats } = fakeWorker();
          expect(await throughStream(sizes, port)).toEqual(whole);
          expect(stats.terminated).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('gathers a decoder’s 20 ms packets into blocks and keeps at most three in flight', async () => {
    const { port, stats } = fakeWorker();
    const metrics = await throughStream([320], port);
    expect(metrics).toEqual(await analyseSpeech([speech], rate));
    // 11 s at 16 kHz in 320-sample packets is 550 packets; gathered a second at a time, about 11 blocks.
    expect(stats.pushes).toBeLessThanOrEqual(12);
    expect(stats.maxPending).toBeLessThanOrEqual(3);
  });

  it('keeps the caller’s samples intact (it sends a copy)', async () => {
    const { port } = fakeWorker();
    const stream = new SpeechMetricsStream(rate, port);
    const block = speech.slice(0, rate * 2);
    await stream.push(block);
    expect(block[rate]).toBe(speech[rate]);
    await stream.finish();
  });

  it('copies every block into a buffer the worker gave back: an hour of blocks leaves no trail of buffers', async () => {
    const sent: { samples: Float32Array; buffer: ArrayBufferLike; moved: readonly Transferable[] }[] = [];
    const port: MetricsPort = {
      onmessage: null,
      postMessage(message, transfer = []) {
        if (message.type !== 'push') return;
        sent.push({ samples: message.samples.slice(), buffer: message.samples.buffer, moved: transfer });
        const spare = message.samples.buffer as ArrayBuffer;
        setTimeout(() => port.onmessage?.({ data: { type: 'pushed', spare } }), 1);
      },
      terminate() {},
    };
    const stream = new SpeechMetricsStream(rate, port);
    // A packet, then seven blocks of a second (each goes when pushed, the packet gathered before it).
    const cuts = [0, 100, ...Array.from({ length: 7 }, (_, i) => 100 + (i + 1) * rate)];
    expect(speech.length).toBeGreaterThanOrEqual(cuts.at(-1)!);
    const blocks = cuts.slice(1).map((end, i) => speech.slice(cuts[i], end));
    for (const block of blocks) await stream.push(block);
    // Small blocks are gathered; every block arrives whole and in order, as a copy in a moved buffer.
    expect(concat(...sent.map((s) => s.samples))).toEqual(speech.subarray(0, cuts.at(-1)));
    expect(sent.every((s) => s.moved.length === 1 && s.moved[0] === s.buffer)).toBe(true);
    expect(sent.some((s) => blocks.some((block) => block.buffer === s.buffer))).toBe(false);
    expect(sent.map((s) => s.samples.length)).toEqual([100, ...Array<number>(7).fill(rate)]);
    // Eight blocks in four buffers: one more than can be in flight, however many blocks there are.
    expect(new Set(sent.map((s) => s.buffer)).size).toBe(4);
    // The caller's blocks are untouched.
    expect(concat(...blocks)).toEqual(speech.subarray(0, cuts.at(-1)));
  });

  it('hands a big block over without copying it when asked, and keeps its buffer for the blocks after', async () => {
    const sent: ArrayBufferLike[] = [];
    const port: MetricsPort = {
      onmessage: null,
      postMessage(message) {
        if (message.type !== 'push') return;
        sent.push(message.samples.buffer);
        const spare = message.samples.buffer as ArrayBuffer;
        queueMicrotask(() => port.onmessage?.({ data: { type: 'pushed', spare } }));
      },
      terminate() {},
    };
    const stream = new SpeechMetricsStream(rate, port);
    const decoded = speech.slice(0, rate * 2);
    await stream.push(decoded, true);
    await stream.push(speech.slice(0, rate));
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe(decoded.buffer);
    expect(sent[1]).toBe(decoded.buffer);
  });

  it('fails, instead of answering with half the speech, when the worker fails', async () => {
    const { port } = fakeWorker({ failAt: 2 });
    await expect(throughStream([rate], port)).rejects.toThrow('out of memory');
  });
});
