// Every event kind the app understands: the group folder's base kinds plus each feature's slice
// (assignments and rules, critiques, the Ah-Counter's filler marks and counts). The app, the CLI and the tests
// fold with this one registry, so every computer computes the same state and hash.
import { baseRegistry } from './baseRegistry';
import { critiquesSlice } from '../critique/critiquesSlice';
import { fillerCountedSlice } from '../critique/fillerCountedSlice';
import { fillerMarksSlice } from '../critique/fillerMarksSlice';
import { rulesSlice } from '../rules/rulesSlice';

export const appRegistry = baseRegistry.with(
  critiquesSlice as never,
  rulesSlice as never,
  fillerMarksSlice as never,
  fillerCountedSlice as never,
);
