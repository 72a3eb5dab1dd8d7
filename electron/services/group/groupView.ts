// The Group screen's view of one joined group: what the folder holds (which blobs arrived) read
// here, the rest built by the pure buildGroupView (shared/group/groupView.ts).
import type { GroupView } from '../../../shared/api/groupContract';
import { buildGroupView } from '../../../shared/group/groupView';
import { groupBlobUrl } from './groupMedia';
import type { GroupService } from './groupService';

export async function groupView(service: GroupService, keyId: string): Promise<GroupView> {
  const { state } = service.state();
  return buildGroupView({
    groupId: service.groupId,
    state,
    keyId,
    arrived: await service.media.arrived(),
    waiting: service.waitingIds(),
    setAside: service.setAside(),
    blobUrl: (sha256) => groupBlobUrl(service.groupId, sha256),
  });
}
