// The fold's extension point. Each feature owns one slice of group state and the event
// kinds that change it; later issues (assignments, check-ins, critiques) register a
// slice here instead of editing the fold.
import type { z } from 'zod';
import { compileParser } from './compiledOnFirstUse';
import { GENESIS, JOIN_REQUEST, ROSTER_DECISION } from './groupEvent';
import type { GroupEvent } from './groupEvent';

/**
 * What a kind handler may ask about the roster as it stood when an event was written: in format 1
 * at the event's hlc, in format 2 in the event's causal past (what its writer had seen).
 */
export interface RosterContext {
  readonly groupId: string;
  /** The author's entry counts: an approved member (entries written before approval count once approved), not removed. */
  counts(event: GroupEvent): boolean;
  /** The author held the coach role when writing the event. */
  isCoach(event: GroupEvent): boolean;
}

/** The roster, and another slice as the events folded before this one left it (read only, never changed). */
export interface FoldContext extends RosterContext {
  /** A registered slice's state, or undefined when the registry has no such slice. */
  slice(name: string): unknown;
}

export interface KindHandler<S, B> {
  readonly body: z.ZodType<B>;
  /** Whether this (already body-valid, counted) event may change the slice. Must not mutate. */
  authorize(event: GroupEvent<B>, slice: S, ctx: FoldContext): boolean;
  /** Changes the slice in place; the fold gives every run a fresh slice from `initial`. */
  apply(event: GroupEvent<B>, slice: S, ctx: FoldContext): void;
}

export interface SliceReducer<S> {
  /** Key of this slice in `GroupState.slices`. */
  readonly slice: string;
  /** A fresh, JSON-only value (it is hashed with the state). */
  initial(): S;
  readonly kinds: Readonly<Record<string, KindHandler<S, never>>>;
}

/** Helper that keeps each handler's body type tied to its schema. */
export function defineSlice<S>(
  slice: string,
  initial: () => S,
  kinds: { [kind: string]: KindHandler<S, never> },
): SliceReducer<S> {
  return { slice, initial, kinds };
}

/** Helper to type one handler from its schema. */
export function handler<S, Schema extends z.ZodType>(h: {
  body: Schema;
  authorize?: (event: GroupEvent<z.infer<Schema>>, slice: S, ctx: FoldContext) => boolean;
  apply: (event: GroupEvent<z.infer<Schema>>, slice: S, ctx: FoldContext) => void;
}): KindHandler<S, never> {
  return { body: h.body, authorize: h.authorize ?? (() => true), apply: h.apply } as unknown as KindHandler<
    S,
    never
  >;
}

export class KindRegistryError extends Error {
  override readonly name = 'KindRegistryError';
}

/** The roster kinds the fold itself handles: membership gates every other kind, so no slice may claim them. */
const CORE_KINDS: readonly string[] = [GENESIS, JOIN_REQUEST, ROSTER_DECISION];

/** An immutable set of slices, checked so no kind or slice is claimed twice. */
export class KindRegistry {
  private readonly byKind = new Map<string, { slice: string; handler: KindHandler<unknown, unknown> }>();
  private readonly compiled = new Map<string, { slice: string; handler: KindHandler<unknown, unknown> }>();
  readonly slices: readonly SliceReducer<unknown>[];

  constructor(slices: readonly SliceReducer<unknown>[]) {
    const names = new Set<string>();
    for (const s of slices) {
      if (names.has(s.slice)) throw new KindRegistryError(`slice ${s.slice} registered twice`);
      names.add(s.slice);
      for (const [kind, h] of Object.entries(s.kinds)) {
        if (this.byKind.has(kind) || CORE_KINDS.includes(kind))
          throw new KindRegistryError(`kind ${kind} is already taken`);
        this.byKind.set(kind, { slice: s.slice, handler: h as unknown as KindHandler<unknown, unknown> });
      }
    }
    this.slices = slices;
  }

  /** A registry with more slices: how a later issue adds its kinds. */
  with(...more: SliceReducer<unknown>[]): KindRegistry {
    return new KindRegistry([...this.slices, ...more]);
  }

  /**
   * The fold checks every event's body against its kind's schema: each is compiled (zod's AOT fast
   * path, the same verdicts and issues) the first time its kind is looked up.
   */
  lookup(kind: string): { slice: string; handler: KindHandler<unknown, unknown> } | undefined {
    let entry = this.compiled.get(kind);
    if (entry) return entry;
    const registered = this.byKind.get(kind);
    if (!registered) return undefined;
    entry = {
      ...registered,
      handler: { ...registered.handler, body: compileParser(registered.handler.body) },
    };
    this.compiled.set(kind, entry);
    return entry;
  }
}
