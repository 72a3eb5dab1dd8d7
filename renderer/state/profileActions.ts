// Creating and changing the local profile. Input is validated with the shared schema; the UI
// language follows the profile, and main is told so its menu can follow too.
import i18next from 'i18next';
import { ProfileInput, type Profile } from '../../shared/domain/profile';
import { api } from '../api/api';
import { db, type LecternDb } from './db';

export async function saveProfile(input: ProfileInput, database: LecternDb = db): Promise<Profile> {
  const valid = ProfileInput.parse(input);
  const now = new Date().toISOString();
  const existing = await database.profiles.get('me');
  const profile: Profile = { id: 'me', createdAt: existing?.createdAt ?? now, updatedAt: now, ...valid };
  await database.profiles.put(profile);
  await applyLanguage(valid.language);
  return profile;
}

export async function applyLanguage(language: ProfileInput['language']): Promise<void> {
  if (i18next.language !== language) await i18next.changeLanguage(language);
  // The menu is a nicety: a failure to relabel it must not fail the save.
  await api.call('app.setUiLanguage', { language }).catch(() => undefined);
}
