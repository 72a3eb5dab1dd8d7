// Choosing a folder: the desktop app opens the system's folder dialog; the browser build cannot, so
// main answers "type it here" and an in-app dialog asks for the path, which main then checks.
import { create } from 'zustand';
import { LecternError } from '../../shared/api/errors';
import { api } from '../api/api';

interface PathPrompt {
  title: string;
  resolve(path: string | null): void;
}

export const usePathPrompt = create<{ prompt: PathPrompt | undefined }>(() => ({ prompt: undefined }));

/** The chosen folder's path, or null if the member cancelled. */
export async function pickFolder(title: string): Promise<string | null> {
  try {
    return (await api.call('dialog.pickFolder', { title }))?.path ?? null;
  } catch (error) {
    if (!(error instanceof LecternError && error.messageKey === 'errors.typePath')) throw error;
    return new Promise((resolve) => usePathPrompt.setState({ prompt: { title, resolve } }));
  }
}

/** Checks a typed path with main (it must exist and be a folder). */
export async function checkTypedPath(path: string): Promise<string> {
  const chosen = await api.call('dialog.pickFolder', { path });
  if (!chosen) throw new LecternError('not_found', 'errors.notAFolder');
  return chosen.path;
}

export function answerPathPrompt(path: string | null): void {
  usePathPrompt.getState().prompt?.resolve(path);
  usePathPrompt.setState({ prompt: undefined });
}
