// The whole preload: one call function and one event subscription, for the contract's names only.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge } from '../../shared/api/contractTypes';
import { eventNames, ipcChannels, isMethodName } from '../../shared/api/names';

const bridge = {
  invoke(name, input) {
    if (!isMethodName(name)) return Promise.reject(new Error(`Unknown method ${String(name)}`));
    return ipcRenderer.invoke(ipcChannels.invoke, name, input);
  },
  subscribe(listener) {
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if ((eventNames as readonly unknown[]).includes(name)) listener(name as string, payload);
    };
    ipcRenderer.on(ipcChannels.event, forward);
    return () => void ipcRenderer.removeListener(ipcChannels.event, forward);
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('lectern', bridge);
