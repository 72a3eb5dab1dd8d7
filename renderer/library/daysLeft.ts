// How many days a speech in the trash has left, as a member counts them: any part of a day counts as
// a day, so it reads "1 day left" until the moment it goes, never "0".
const dayMs = 86_400_000;

export function daysLeft(purgeAt: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(purgeAt) - now.getTime()) / dayMs));
}
