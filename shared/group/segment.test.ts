import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalBytes } from './canonical';
import { createEvent } from './groupEvent';
import { createMemberKey, signBytes } from './identity';
import { SCENARIO_T0, profileEvent, scenarioDevice, smallGroup } from './scenario';
import { compactSegments, createSegment, encodeSegment, parseSegment } from './segment';
import type { Segment, SegmentFailure } from './segment';

const { groupId, devices } = smallGroup();
const bo = devices[2]!;
const header = (first: number, last = first) => ({ group: groupId, device: bo.deviceId, first, last });

function boSegment(n: number, count = 3): Segment {
  const events = Array.from({ length: count }, (_, i) =>
    profileEvent(bo, SCENARIO_T0 + n * 1000 + i, `bio ${n}.${i} 讲台`),
  );
  return createSegment(bo.key, header(n), events);
}

function reason(bytes: Uint8Array, opts = {}): SegmentFailure | 'ok' {
  const r = parseSegment(bytes, opts);
  return r.ok ? 'ok' : r.error.reason;
}

describe('segment files', () => {
  it('verifies segments whose bodies hold any JSON (keys like "kind", escapes, numbers) (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 5 }), (bodies) => {
        const events = bodies.map((body, i) =>
          createEvent(bo.key.keyId, profileEvent(bo, SCENARIO_T0 + i, 'x').hlc, 'test.any-body', {
            ',"kind":': body,
            kind: body,
          }),
        );
        const seg = createSegment(bo.key, header(1), events);
        expect(parseSegment(encodeSegment(seg)).ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips encode and parse (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ bio: fc.string({ maxLength: 80 }), dt: fc.nat(1000) }), { maxLength: 20 }),
        (items) => {
          const events = items.map((it) => profileEvent(bo, SCENARIO_T0 + it.dt, it.bio));
          const seg = createSegment(bo.key, header(1), events);
          const parsed = parseSegment(encodeSegment(seg), { group: groupId, device: bo.deviceId });
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(parsed.segment).toEqual(seg);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('fails verification when any byte is changed (property)', () => {
    const bytes = encodeSegment(boSegment(1));
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const tampered = Uint8Array.from(bytes);
        tampered[at]! ^= xor;
        expect(parseSegment(tampered, { group: groupId, device: bo.deviceId }).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('names the reason a file is refused, never throwing', () => {
    const good = boSegment(1);
    const bytes = encodeSegment(good);
    expect(reason(bytes)).toBe('ok');
    expect(reason(bytes.subarray(0, bytes.length - 10))).toBe('unparsable');
    expect(reason(Uint8Array.of(0xff, 0xfe))).toBe('not-utf8');
    expect(reason(utf8ToBytes('[1,2]'))).toBe('not-a-segment');
    expect(reason(canonicalBytes({ ...good, version: 3 }))).toBe('unsupported-version');
    expect(reason(canonicalBytes({ ...good, version: 2 })), 'format 2 without prev').toBe('malformed');
    expect(reason(canonicalBytes({ ...good, extra: 1 }))).toBe('malformed');
    expect(reason(bytes, { maxBytes: 100 })).toBe('oversized');
    expect(reason(bytes, { group: 'f'.repeat(64) })).toBe('wrong-group');
    expect(reason(bytes, { device: 'f'.repeat(16) })).toBe('wrong-device');
    expect(reason(canonicalBytes({ ...good, first: 5 }))).toBe('bad-range');
    const forged = { ...good.events[0]!, body: { bio: 'changed' } };
    expect(reason(canonicalBytes({ ...good, events: [forged] }))).toBe('bad-event-id');
    expect(reason(canonicalBytes({ ...good, events: [good.events[0], good.events[0]] }))).toBe(
      'duplicate-event',
    );
    const stranger = createMemberKey(new Uint8Array(32).fill(9));
    const foreign = createEvent(stranger.keyId, good.events[0]!.hlc, 'member.profile', { bio: 'x' });
    expect(reason(canonicalBytes({ ...good, events: [foreign] }))).toBe('foreign-event');
    // Re-signed by another key while claiming Bo's authorship.
    const resigned = createSegment(stranger, header(1), []);
    expect(reason(canonicalBytes({ ...resigned, author: bo.key.keyId }))).toBe('bad-signature');
    expect(reason(canonicalBytes({ ...good, events: [] }))).toBe('bad-signature');
    expect(reason(utf8ToBytes('{"format":"lectern-segment","version":1,"events":[{"body":1e400}]}'))).toBe(
      'malformed',
    );
  });

  it("refuses any one broken rule of an event's envelope as malformed, wherever the event sits (property)", () => {
    const good = boSegment(1, 4);
    const breaks: Record<string, (event: Record<string, unknown>) => Record<string, unknown>> = {
      'an unknown key': (e) => ({ ...e, extra: 1 }),
      'an upper-case id': (e) => ({ ...e, id: String(e.id).toUpperCase() }),
      'a short author': (e) => ({ ...e, author: String(e.author).slice(1) }),
      'a clock of the wrong shape': (e) => ({ ...e, hlc: String(e.hlc).replace('T', ' ') }),
      'a kind not dotted': (e) => ({ ...e, kind: 'profile' }),
      'a numeric kind': (e) => ({ ...e, kind: 7 }),
      'links in a format-1 file': (e) => ({ ...e, prev: [] }),
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(breaks)),
        fc.nat({ max: good.events.length - 1 }),
        (rule, at) => {
          const events = good.events.map((e, i) =>
            i === at ? breaks[rule]!(e as unknown as Record<string, unknown>) : e,
          );
          expect(reason(canonicalBytes({ ...good, events })), rule).toBe('malformed');
        },
      ),
    );
  });

  it("compacts a device's segments into one with the same events, deduped", () => {
    const a = boSegment(1);
    const b = boSegment(2);
    const dup = createSegment(bo.key, header(3), [...b.events.slice(0, 1), ...boSegment(3, 1).events]);
    const c = compactSegments(bo.key, [dup, a, b]);
    expect([c.first, c.last]).toEqual([1, 3]);
    expect(new Set(c.events.map((e) => e.id))).toEqual(
      new Set([...a.events, ...b.events, ...dup.events].map((e) => e.id)),
    );
    expect(c.events).toHaveLength(7);
    expect(parseSegment(encodeSegment(c), { group: groupId, device: bo.deviceId }).ok).toBe(true);
    expect(() => compactSegments(scenarioDevice('small', 1).key, [a])).toThrow();
  });

  it('format 2: links are signed with the event, and a format-1 signature never passes as format 2', () => {
    const linked = (prev: string[], body: unknown) =>
      createEvent(bo.key.keyId, profileEvent(bo, SCENARIO_T0 + 5_000, 'x').hlc, 'test.any-body', body, prev);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{64}$/), { maxLength: 32 }),
        fc.jsonValue({ maxDepth: 3 }),
        (prev, body) => {
          const seg = createSegment(bo.key, header(1), [linked(prev, body)]);
          expect(seg.version).toBe(2);
          const parsed = parseSegment(encodeSegment(seg), { group: groupId, device: bo.deviceId });
          expect(parsed.ok && parsed.segment.events[0]!.prev).toEqual([...prev].sort());
        },
      ),
      { numRuns: 50 },
    );
    const v2 = createSegment(bo.key, header(1), [linked(['a'.repeat(64)], 1)]);
    // Dropping or changing a link breaks the event id; re-labelling the version breaks the signature.
    const unlinked = { ...v2.events[0]!, prev: [] };
    expect(reason(canonicalBytes({ ...v2, events: [unlinked] }))).toBe('bad-event-id');
    const v1 = boSegment(1);
    expect(
      reason(canonicalBytes({ ...v1, version: 2, events: v1.events.map((e) => ({ ...e, prev: [] })) })),
    ).toBe('bad-event-id');
    expect(reason(canonicalBytes({ ...v2, version: 1 }))).toBe('malformed');
    expect(() => createSegment(bo.key, header(1), [...v1.events, v2.events[0]!])).toThrow(/cannot share/);
  });

  it('refuses a file nested deeper than the format allows, before anything recursive runs', () => {
    let body: unknown = 'leaf';
    for (let i = 0; i < 1_200; i++) body = [body];
    const deep = utf8ToBytes(
      JSON.stringify({ ...boSegment(1), events: [{ ...boSegment(1).events[0]!, body }] }),
    );
    expect(reason(deep)).toBe('too-deep');
    let fine: unknown = 'leaf';
    for (let i = 0; i < 32; i++) fine = [fine];
    const ok = createSegment(bo.key, header(1), [
      createEvent(bo.key.keyId, profileEvent(bo, SCENARIO_T0, 'x').hlc, 'test.any-body', fine),
    ]);
    expect(reason(encodeSegment(ok))).toBe('ok');
  });

  it("refuses a writer who signs JSON.stringify's spelling where it is not the canonical one", () => {
    // Ids and signature over what JSON.stringify makes of the segment: the canonical spelling only
    // when every object's keys are in order and no string holds a lone surrogate.
    const stringifySigned = (body: unknown): Uint8Array => {
      const [author, kind, hlc] = [bo.key.keyId, 'test.any-body', profileEvent(bo, SCENARIO_T0, 'x').hlc];
      const id = bytesToHex(sha256(utf8ToBytes(JSON.stringify({ author, body, hlc, kind }))));
      const unsigned = {
        author,
        device: bo.deviceId,
        events: [{ author, body, hlc, id, kind }],
        first: 1,
        format: 'lectern-segment',
        group: groupId,
        last: 1,
        version: 1,
      };
      const signature = signBytes(bo.key, utf8ToBytes(`lectern-segment/1\n${JSON.stringify(unsigned)}`));
      return utf8ToBytes(JSON.stringify({ ...unsigned, signature }));
    };
    expect(reason(stringifySigned({ a: 1, b: { c: '讲台' } }))).toBe('ok');
    // JSON.stringify lists "9" before "10"; canonical JSON sorts "10" first: another id.
    expect(reason(stringifySigned({ 10: 1, 9: 2 }))).toBe('bad-event-id');
    expect(reason(stringifySigned({ a: 1, s: '\ud800' }))).toBe('malformed');
  });
});
