import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeadTracker, LINKS_PER_EVENT, chooseLinks } from './causalLinks';
import { createEvent } from './groupEvent';
import type { GroupEvent } from './groupEvent';
import { formatHlc } from './hlc';

const key = (n: number) => n.toString(16).padStart(8, '0').repeat(8);
const event = (author: number, millis: number, prev: readonly GroupEvent[]) =>
  createEvent(
    key(author),
    formatHlc({ millis, counter: 0, node: '0'.repeat(16) }),
    'member.profile',
    { bio: String(millis) },
    prev.map((p) => p.id),
  );

describe('chooseLinks', () => {
  it('always keeps what authority needs, and never more than the writer links per event', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        (count, mustCount, writer) => {
          const heads = Array.from({ length: count }, (_, i) => event(i, 1_000 + i, []));
          const must = Array.from({ length: mustCount }, (_, i) => event(900 + i, 10 + i, []));
          const links = chooseLinks(heads, must, key(writer));
          for (const m of must) expect(links).toContain(m);
          expect(links.length).toBe(Math.min(LINKS_PER_EVENT, mustCount + count));
          expect(new Set(links.map((l) => l.id)).size).toBe(links.length);
        },
      ),
    );
  });

  it("members who write at once link each other's work: nearly every event is seen by another within a week", () => {
    const tracker = new HeadTracker();
    const members = 60;
    let t = 0;
    tracker.add(event(0, t++, []));
    const written: GroupEvent[] = [];
    for (let week = 0; week < 30; week++) {
      tracker.sync(); // everyone read the folder on Monday; then they write side by side
      for (let m = 1; m <= members; m++) {
        const e = event(m, t++, tracker.linksFor(key(m)));
        tracker.add(e);
        written.push(e);
      }
    }
    // Each writer's own chain keeps the heads few (one per writer)...
    tracker.sync();
    expect(tracker.headCount()).toBeLessThanOrEqual(members);
    // ...and spreading the other links makes someone else link almost every event the next week (a
    // witness for the check-in rule); if all linked the same heads, most would wait for no one.
    const witnessed = written
      .slice(0, -members)
      .filter((e) => written.some((d) => d.author !== e.author && (d.prev ?? []).includes(e.id)));
    expect(witnessed.length / (written.length - members)).toBeGreaterThan(0.99);
  });
});
