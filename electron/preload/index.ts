// The whole preload: one call function and one event subscription, for the contract's names only, and
// the path of a file the member picked or dropped (so main copies an import itself).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { DesktopBridge } from '../../shared/api/contractTypes';
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
  // webUtils refuses anything but a File itself; '' for a file that is not on disk.
  pathForFile(file) {
    return webUtils.getPathForFile(file);
  },
} satisfies DesktopBridge<File>;

contextBridge.exposeInMainWorld('lectern', bridge);
