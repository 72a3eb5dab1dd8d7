// Format-2 groups for tests: peers that write events linked to what they have seen, exchange what
// they know like a sync tool would, and (for the adversary) link to whatever they choose.
import { foldSnapshot, headsOf } from './fold';
import { GENESIS, JOIN_REQUEST, ROSTER_DECISION } from './groupEvent';
import type { GroupEvent, RosterDecisionKind } from './groupEvent';
import type { KindRegistry } from './kindRegistry';
import type { MemberDevice } from './memberDevice';
import { charterHash } from './roster';
import { DEMO_CHARTER, scenarioDevice } from './scenario';

export class Peer {
  readonly known = new Map<string, GroupEvent>();

  constructor(
    readonly device: MemberDevice,
    private readonly registry: KindRegistry,
    public groupId = '',
  ) {}

  get keyId(): string {
    return this.device.key.keyId;
  }

  /** Writes an event linked to the heads of what this peer knows (or to `prev`, when an adversary chooses). */
  write(kind: string, body: unknown, wallMillis: number, prev?: readonly GroupEvent[]): GroupEvent {
    const links = prev ?? (this.groupId ? headsOf(this.snapshot(), this.keyId) : []);
    const event = this.device.event(kind, body, wallMillis, links);
    if (kind === GENESIS) this.groupId = event.id;
    this.known.set(event.id, event);
    return event;
  }

  /** Learns everything `other` knows (a sync in one direction). */
  receive(other: Peer | Iterable<GroupEvent>): void {
    for (const e of other instanceof Peer ? other.known.values() : other) this.known.set(e.id, e);
    if (!this.groupId && other instanceof Peer) this.groupId = other.groupId;
  }

  snapshot() {
    return foldSnapshot(this.groupId, this.known.values(), this.registry);
  }

  join(name: string, at: number): GroupEvent {
    return this.write(JOIN_REQUEST, { displayName: name, charterHash: charterHash(DEMO_CHARTER) }, at);
  }

  /** A roster decision; like the app's, it links its target's latest event (the request it approves). */
  decide(member: Peer, decision: RosterDecisionKind, at: number, prev?: readonly GroupEvent[]): GroupEvent {
    const target = [...this.known.values()]
      .filter((e) => e.author === member.keyId)
      .sort((a, b) => (a.hlc < b.hlc ? -1 : 1))
      .at(-1);
    const links = prev ?? [...headsOf(this.snapshot(), this.keyId), ...(target ? [target] : [])];
    return this.write(ROSTER_DECISION, { member: member.keyId, decision }, at, links);
  }
}

/** A creator who made a format-2 group, and `count` more peers who know its genesis. */
export function causalGroup(seed: string, count: number, at: number, registry: KindRegistry): Peer[] {
  const creator = new Peer(scenarioDevice(seed, 0), registry);
  creator.write(
    GENESIS,
    {
      name: '周三演讲社 Wednesday Speakers',
      charter: DEMO_CHARTER,
      timeZone: 'Asia/Shanghai',
      creatorKey: creator.keyId,
      coachName: '王老师',
    },
    at,
    [],
  );
  const others = Array.from({ length: count }, (_, i) => {
    const peer = new Peer(scenarioDevice(seed, i + 1), registry, creator.groupId);
    peer.receive(creator);
    return peer;
  });
  return [creator, ...others];
}
