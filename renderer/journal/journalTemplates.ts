// Reflection templates: the built-in guided prompts (their text lives in the locale files, so they
// follow the member's language) and the member's own templates in the local database.
import type { TFunction } from 'i18next';
import { db, type LecternDb } from '../state/db';
import type { JournalTemplateRecord } from './journalTables';

export const builtInTemplates = ['toastmasters', 'feelings', 'delivery'] as const;
export type BuiltInTemplate = (typeof builtInTemplates)[number];

/** The template a "reflect now" after a recording starts from. */
export const defaultTemplate: BuiltInTemplate = 'toastmasters';

export function builtInTemplateBody(t: TFunction, id: BuiltInTemplate): string {
  return t(`journal.templates.${id}.body`);
}

export async function saveTemplate(
  name: string,
  body: string,
  database: LecternDb = db,
): Promise<JournalTemplateRecord> {
  const template = { id: crypto.randomUUID(), name: name.trim(), body, createdAt: new Date().toISOString() };
  await database.journalTemplates.add(template);
  return template;
}

export async function deleteTemplate(id: string, database: LecternDb = db): Promise<void> {
  await database.journalTemplates.delete(id);
}
