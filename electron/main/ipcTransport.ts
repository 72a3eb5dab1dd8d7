// The IPC transport: moves calls from the preload to the dispatcher, only for the app's own main frame.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Dispatch } from '../../shared/api/dispatcher';
import { LecternError } from '../../shared/api/errors';
import { ipcChannels } from '../../shared/api/names';
import type { CallResult } from '../../shared/api/result';

export function registerIpcTransport(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrustedUrl: (url: string) => boolean,
): void {
  ipcMain.handle(
    ipcChannels.invoke,
    async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<CallResult> => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
        return { ok: false, error: new LecternError('forbidden').toJSON() };
      }
      return dispatch(typeof name === 'string' ? name : '', input, { transport: 'ipc' });
    },
  );
}

export function forwardEvents(
  subscribe: (listener: (event: string, payload: unknown) => void) => () => void,
  target: () => WebContents | undefined,
): () => void {
  return subscribe((event, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(ipcChannels.event, event, payload);
  });
}
