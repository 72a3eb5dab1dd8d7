// What the fold gives: the group, its roster, and one entry per registered slice. Its own module, so
// the slices that read it do not import the fold that builds it.
import type { GroupInfo, Member } from './roster';

export interface GroupState {
  group: GroupInfo | null;
  members: Record<string, Member>;
  /** One entry per registered slice (profiles, recordings, and what later issues add). */
  slices: Record<string, unknown>;
}
