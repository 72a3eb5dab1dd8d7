// The group folder's own kinds: profiles, shared recordings and reflections, the cap on a shared file. Features extend
// it with `baseRegistry.with(...)` (the app's is appRegistry.ts); a fold always names the one it uses.
import { KindRegistry } from './kindRegistry';
import { profilesSlice } from './profiles';
import { recordingsSlice } from './recordings';
import { reflectionsSlice } from './reflections';
import { shareLimitSlice } from './shareLimit';

export const baseRegistry = new KindRegistry([
  profilesSlice,
  recordingsSlice,
  reflectionsSlice,
  shareLimitSlice,
] as never[]);
