// The group.* and dialog.pickFolder handlers: thin, because Groups and GroupService own the rules.
import type { Contract } from '../../../shared/api/contract';
import type { Handlers } from '../../../shared/api/contractTypes';
import type { groupContract } from '../../../shared/api/groupContract';
import { LecternError } from '../../../shared/api/errors';
import { groupView } from './groupView';
import type { Groups } from './groups';
import { requireDirectory } from './groups';

type GroupMethods = keyof typeof groupContract;

/** Chooses a folder: Electron's native dialog, or (web host) the path typed in the in-app dialog. */
export type FolderPicker = (input: { path?: string; title?: string }) => Promise<{ path: string } | null>;

/**
 * The web host's picker: a browser cannot open the system's folder dialog, so a call without a path
 * answers "type it" (the page then shows its in-app dialog) and a typed path is checked here.
 */
export const typedPathPicker: FolderPicker = async ({ path }) => {
  if (path === undefined) throw new LecternError('unavailable', 'errors.typePath');
  return { path: await requireDirectory(path) };
};

export function createGroupHandlers(
  groups: Groups,
  pickFolder: FolderPicker = typedPathPicker,
): Pick<Handlers<Contract>, GroupMethods> {
  const keyId = async () => (await groups.identity.current()).key.keyId;
  return {
    'group.identity': async ({ dismissNotice }) => {
      if (dismissNotice) await groups.identity.dismissNotice();
      return groups.identity.report();
    },
    'group.exportKey': async ({ passphrase }) => ({ backup: await groups.identity.exportBackup(passphrase) }),
    'group.importKey': async ({ backup, passphrase }) => ({
      keyId: await groups.importKey(backup, passphrase),
    }),
    'group.list': () => groups.list(),
    'group.preview': ({ folder }) => groups.preview(folder),
    'group.create': async (input) => {
      const { groupId, name, folder } = await groups.create(input);
      return { groupId, name, folder };
    },
    'group.join': async ({ folder, displayName }) => {
      const { groupId, name, folder: at } = await groups.join(folder, displayName);
      return { groupId, name, folder: at };
    },
    'group.view': async ({ groupId }) => groupView(groups.get(groupId), await keyId()),
    'group.decide': async ({ groupId, member, decision }) => {
      await groups.get(groupId).decide(member, decision);
      return null;
    },
    'group.shareSpeech': async ({ groupId, speechId, title, picture }) => ({
      id: (await groups.get(groupId).shareSpeech(speechId, { title, picture })).id,
    }),
    'group.shareSizes': ({ groupId, speechId }) => groups.get(groupId).shareSizes(speechId),
    'group.shareReflection': async ({ groupId, title, text }) => ({
      id: (await groups.get(groupId).shareReflection(title, text)).id,
    }),
    'group.withdraw': async ({ groupId, id }) => {
      await groups.get(groupId).withdraw(id);
      return null;
    },
    'group.syncNow': ({ groupId }) => groups.get(groupId).syncNow(),
    'group.status': ({ groupId }) => groups.get(groupId).status(),
    'group.recordingMetrics': ({ groupId, recording }) => groups.get(groupId).recordingMetrics(recording),
    'dialog.pickFolder': (input) => pickFolder(input),
  };
}
