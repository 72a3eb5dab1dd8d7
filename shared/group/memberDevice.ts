// One member writing from one computer: their key, this device's id and its clock. It
// stamps new events; it does no I/O (segment files are written by the main process).
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { createEvent } from './groupEvent';
import type { GroupEvent } from './groupEvent';
import { compareHlc, formatHlc, parseHlc, receiveHlc, tickHlc, zeroHlc } from './hlc';
import type { Hlc } from './hlc';
import type { MemberKey } from './identity';

export function newDeviceId(random: (n: number) => Uint8Array = randomBytes): string {
  return bytesToHex(random(8));
}

export class MemberDevice {
  private clock: Hlc;

  constructor(
    readonly key: MemberKey,
    readonly deviceId: string,
    lastClock?: string,
  ) {
    this.clock = lastClock ? { ...parseHlc(lastClock), node: deviceId } : zeroHlc(deviceId);
  }

  /** The latest clock this device issued or saw, to persist between runs. */
  get lastClock(): string {
    return formatHlc(this.clock);
  }

  /**
   * A new event by this member, dated after everything this device has seen. `prev` (format 2) names
   * the events it had seen last; the new event is dated after each of them, as readers require.
   */
  event<B>(
    kind: string,
    body: B,
    wallMillis: number,
    prev?: ReadonlyArray<{ id: string; hlc: string }>,
  ): GroupEvent<B> {
    for (const p of prev ?? []) {
      const seen = parseHlc(p.hlc);
      if (compareHlc(seen, this.clock) > 0) this.clock = { ...seen, node: this.clock.node };
    }
    this.clock = tickHlc(this.clock, wallMillis);
    return createEvent(
      this.key.keyId,
      formatHlc(this.clock),
      kind,
      body,
      prev?.map((p) => p.id),
    );
  }

  /** Moves the clock past an event read from the folder. Throws ClockDriftError for implausible clocks. */
  observe(hlc: string, wallMillis: number): void {
    this.clock = receiveHlc(this.clock, parseHlc(hlc), wallMillis);
  }
}
