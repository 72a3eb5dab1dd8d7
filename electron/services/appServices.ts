// The main-process services, built once per host (Electron or the web host) over one data folder.
import { join } from 'node:path';
import type { Events } from '../../shared/api/contract';
import type { EventHub } from '../../shared/api/eventHub';
import { appRegistry } from '../../shared/group/appRegistry';
import type { MediaResolver } from '../common/mediaResponse';
import { Groups } from './group/groups';
import { HostSettingsStore } from './hostSettings';
import { SpeechStore } from './speeches/speechStore';

export interface AppServices {
  settings: HostSettingsStore;
  speeches: SpeechStore;
  groups: Groups;
  resolveMedia: MediaResolver;
}

export async function createAppServices(dataDir: string, events: EventHub<Events>): Promise<AppServices> {
  const speeches = new SpeechStore(join(dataDir, 'speeches'), () => events.publish('speeches.changed', {}));
  await speeches.recover();
  const groups = new Groups({
    dataDir,
    speeches,
    registry: appRegistry,
    onChange: (groupId) => events.publish('group.changed', { groupId }),
    onStatus: (status) => events.publish('group.status', status),
  });
  await groups.start();
  const resolveMedia: MediaResolver = async (urlPath) => {
    if (urlPath.startsWith('/media/groups/')) return groups.resolveMedia(urlPath);
    const speechAudio = /^\/media\/speeches\/([^/]+)\/audio$/.exec(urlPath);
    return speechAudio ? speeches.audioFile(speechAudio[1]!) : undefined;
  };
  return { settings: new HostSettingsStore(dataDir), speeches, groups, resolveMedia };
}
