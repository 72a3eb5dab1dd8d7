// Main's side of events: services publish, each transport forwards to its renderers.
import type { EventPayload, EventsShape } from './contractTypes';

type Listener = (event: string, payload: unknown) => void;

export class EventHub<E extends EventsShape> {
  private readonly listeners = new Set<Listener>();

  publish<K extends keyof E & string>(event: K, payload: EventPayload<E, K>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
