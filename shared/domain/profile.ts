// The member's local profile: who they are on this computer, before and beyond any group.
import { z } from 'zod';
import { UiLanguage } from '../api/contract';

export const displayNameMaxLength = 40;

export const DisplayName = z
  .string()
  .trim()
  .min(1, { message: 'firstRun.nameRequired' })
  .max(displayNameMaxLength, { message: 'firstRun.nameTooLong' });

export const ProfileInput = z.object({ displayName: DisplayName, language: UiLanguage });
export type ProfileInput = z.infer<typeof ProfileInput>;

export interface Profile extends ProfileInput {
  /** There is one local profile; a fixed key keeps it that way. */
  id: 'me';
  createdAt: string;
  updatedAt: string;
}
