// Members' profiles: each member edits only their own (the event's author is the profile's owner).
import { PROFILE_UPDATE, profileUpdateBody } from './groupEvent';
import { defineSlice, handler } from './kindRegistry';
import type { GroupState } from './groupState';

export interface Profile {
  displayName?: string;
  bio?: string;
  updatedAt: string;
}
export type Profiles = Record<string, Profile>;

export const profilesSlice = defineSlice<Profiles>('profiles', () => ({}), {
  [PROFILE_UPDATE]: handler<Profiles, typeof profileUpdateBody>({
    body: profileUpdateBody,
    apply: (event, profiles) => {
      // Events arrive in (hlc, id) order, so the later field value wins on every computer.
      const next: Profile = { ...profiles[event.author], updatedAt: event.hlc };
      if (event.body.displayName !== undefined) next.displayName = event.body.displayName;
      if (event.body.bio !== undefined) next.bio = event.body.bio;
      profiles[event.author] = next;
    },
  }),
});

export function profilesOf(state: GroupState): Profiles {
  return (state.slices[profilesSlice.slice] as Profiles | undefined) ?? {};
}
