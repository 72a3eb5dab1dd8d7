// The typed client over any bridge: calls resolve with the value or reject with a LecternError.
import type { ApiClient, Bridge, ContractShape, EventsShape } from './contractTypes';
import { LecternError } from './errors';

export function createClient<C extends ContractShape, E extends EventsShape>(
  bridge: Bridge,
): ApiClient<C, E> {
  return {
    async call(name, input) {
      const result = await bridge.invoke(name, input);
      if (!result.ok) throw LecternError.fromSerialized(result.error);
      return result.value as never;
    },
    on(event, listener) {
      return bridge.subscribe((name, payload) => {
        if (name === event) listener(payload as never);
      });
    },
  };
}
