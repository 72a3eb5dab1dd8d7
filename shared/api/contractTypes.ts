// Generic shapes of an API contract, so the dispatcher, client and transports work for any contract
// (the app's own, and small ones in transport tests).
import type { z } from 'zod';
import type { CallResult } from './result';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}
export type ContractShape = Record<string, MethodSpec>;
export type EventsShape = Record<string, z.ZodType>;

export type MethodInput<C extends ContractShape, K extends keyof C> = z.input<C[K]['input']>;
export type MethodOutput<C extends ContractShape, K extends keyof C> = z.output<C[K]['output']>;
export type EventPayload<E extends EventsShape, K extends keyof E> = z.output<E[K]>;

export interface CallContext {
  transport: 'ipc' | 'http';
}

/** Every method has a handler: a missing or extra one is a type error. */
export type Handlers<C extends ContractShape> = {
  [K in keyof C]: (
    input: z.output<C[K]['input']>,
    context: CallContext,
  ) => Promise<z.input<C[K]['output']>> | z.input<C[K]['output']>;
};

/** The raw bridge a transport gives the renderer (the preload's `window.lectern`, or the HTTP client). */
export interface Bridge {
  invoke(name: string, input: unknown): Promise<CallResult>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

/**
 * The desktop's bridge (the preload's `window.lectern`) also names the path of a file the member picked
 * or dropped (Electron's `webUtils.getPathForFile`; '' for a file not on disk), so main can copy it
 * itself. `F` is the DOM's File, which this platform-free folder cannot name.
 */
export interface DesktopBridge<F> extends Bridge {
  pathForFile(file: F): string;
}

/** The typed API the renderer's features call. */
export interface ApiClient<C extends ContractShape, E extends EventsShape> {
  call<K extends keyof C & string>(name: K, input: MethodInput<C, K>): Promise<MethodOutput<C, K>>;
  on<K extends keyof E & string>(event: K, listener: (payload: EventPayload<E, K>) => void): () => void;
}
