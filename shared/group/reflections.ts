// Reflections a member chose to share with the group (one journal entry's title and text); the
// journal itself stays private. Only the author can withdraw theirs.
import { z } from 'zod';
import { hex64 } from './groupEvent';
import { defineSlice, handler } from './kindRegistry';
import type { GroupState } from './groupState';

export const REFLECTION_SHARED = 'reflection.shared';
/** How long a shared reflection may be (UTF-16 code units, as `string.length` counts): the API and the share action use these. */
export const reflectionLimits = { title: 200, text: 20_000 } as const;
export const reflectionSharedBody = z.strictObject({
  title: z.string().trim().min(1).max(reflectionLimits.title),
  text: z.string().max(reflectionLimits.text),
});
export type ReflectionSharedBody = z.infer<typeof reflectionSharedBody>;

export const REFLECTION_WITHDRAWN = 'reflection.withdrawn';
export const reflectionWithdrawnBody = z.strictObject({ reflection: hex64 });

export interface SharedReflection extends ReflectionSharedBody {
  /** The id of the sharing event. */
  id: string;
  author: string;
  sharedAt: string;
}
export type SharedReflections = Record<string, SharedReflection>;

export const reflectionsSlice = defineSlice<SharedReflections>('reflections', () => ({}), {
  [REFLECTION_SHARED]: handler<SharedReflections, typeof reflectionSharedBody>({
    body: reflectionSharedBody,
    apply: (event, reflections) => {
      reflections[event.id] = { ...event.body, id: event.id, author: event.author, sharedAt: event.hlc };
    },
  }),
  [REFLECTION_WITHDRAWN]: handler<SharedReflections, typeof reflectionWithdrawnBody>({
    body: reflectionWithdrawnBody,
    authorize: (event, reflections) => reflections[event.body.reflection]?.author === event.author,
    apply: (event, reflections) => {
      delete reflections[event.body.reflection];
    },
  }),
});

export function reflectionsOf(state: GroupState): SharedReflections {
  return (state.slices[reflectionsSlice.slice] as SharedReflections | undefined) ?? {};
}
