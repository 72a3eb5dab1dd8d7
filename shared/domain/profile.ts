// The member's local profile: who they are on this computer, before and beyond any group.
import { z } from 'zod';
import { UiLanguage } from '../api/contract';

export const displayNameMaxLength = 40;

export const DisplayName = z
  .string()
  .trim()
  .min(1, { message: 'firstRun.nameRequired' })
  .max(displayNameMaxLength, { message: 'firstRun.nameTooLong' });

/** Hours before a deadline the member wants a reminder; empty turns reminders off. */
export const reminderLeadChoices = [1, 2, 6, 12, 24, 48] as const;
/** What a profile that never chose gets (the "24 h and 2 h"). */
export const defaultReminderLeadHours: readonly number[] = [24, 2];

export const ProfileInput = z.object({
  displayName: DisplayName,
  language: UiLanguage,
  /** Absent on profiles from before the choice existed: the default applies. */
  reminderLeadHours: z.array(z.number().int().min(1).max(168)).max(reminderLeadChoices.length).optional(),
});
export type ProfileInput = z.infer<typeof ProfileInput>;

export interface Profile extends ProfileInput {
  /** There is one local profile; a fixed key keeps it that way. */
  id: 'me';
  createdAt: string;
  updatedAt: string;
}
