// The window opens before the services have started (recovering recordings, opening groups), so a
// call may arrive early: it waits for them. If they could not start, calls are answered with that
// message while main's dialog says what to do. The host's own methods (the log, notices) never wait.
import type { Dispatch } from '../../shared/api/dispatcher';
import { LecternError } from '../../shared/api/errors';

export interface HostDispatch {
  dispatch: Dispatch;
  methods: readonly string[];
}

/** `current` gives the latest start's dispatcher (a retry replaces a failed one). */
export function startingDispatch(current: () => Promise<Dispatch>, host: HostDispatch): Dispatch {
  return async (name, input, context) => {
    if (host.methods.includes(name)) return host.dispatch(name, input, context);
    let dispatch: Dispatch;
    try {
      dispatch = await current();
    } catch {
      return { ok: false, error: new LecternError('unavailable', 'errors.startupFailed').toJSON() };
    }
    return dispatch(name, input, context);
  };
}
