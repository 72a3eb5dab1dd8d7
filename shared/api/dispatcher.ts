// The one dispatcher: validates input against the contract, runs the handler, maps errors.
// Transports (IPC, loopback HTTP) only move bytes to and from it.
import type { CallContext, ContractShape, Handlers } from './contractTypes';
import { coerceError, LecternError } from './errors';
import type { CallResult } from './result';

export type Dispatch = (name: string, input: unknown, context: CallContext) => Promise<CallResult>;

export function createDispatcher<C extends ContractShape>(
  contract: C,
  handlers: Handlers<C>,
  onUnexpected: (thrown: unknown, method: string) => void,
): Dispatch {
  return async (name, input, context) => {
    if (!Object.hasOwn(contract, name)) {
      return { ok: false, error: new LecternError('unknown_method', undefined, { method: name }).toJSON() };
    }
    const spec = contract[name]!;
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      }));
      return {
        ok: false,
        error: new LecternError('invalid_input', undefined, { method: name, issues }).toJSON(),
      };
    }
    try {
      const handler = handlers[name as keyof C]!;
      const value = await handler(parsed.data as never, context);
      return { ok: true, value: value ?? null };
    } catch (thrown) {
      return { ok: false, error: coerceError(thrown, (t) => onUnexpected(t, name)).toJSON() };
    }
  };
}
