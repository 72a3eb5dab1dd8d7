// The one API client the features use. The transport is chosen here, once: the preload's bridge in
// Electron, the loopback HTTP host in a browser. Nothing else knows which one it has.
import type { Contract, Events } from '../../shared/api/contract';
import { createClient } from '../../shared/api/client';
import type { Bridge } from '../../shared/api/contractTypes';
import { createHttpBridge } from './httpBridge';

declare global {
  interface Window {
    lectern?: Bridge;
  }
}

export const api = createClient<Contract, Events>(window.lectern ?? createHttpBridge());
