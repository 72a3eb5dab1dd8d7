// Reflection templates: the built-in guided prompts (their text lives in the locale files, so they
// follow the member's language) and the member's own templates in the local database.
import type { TFunction } from 'i18next';
import { db, type LecternDb } from '../state/db';
import type { JournalTemplateRecord } from './journalTables';

export const builtInTemplates = ['toastmasters', 'feelings', 'delivery'] as const;
export type BuiltInTemplate = (typeof builtInTemplates)[number];

/** The template "Reflect now" after a recording starts from until the member picks another. */
export const defaultTemplate: BuiltInTemplate = 'toastmasters';

/** What "Reflect now" starts from: a blank page, a built-in template, or the id of one of the member's. */
export type ReflectTemplate = 'blank' | BuiltInTemplate | (string & {});

// A choice of this computer, like the record screen's microphone: kept in localStorage.
const reflectTemplateKey = 'lectern.journal.reflectTemplate';

export function readReflectTemplate(): ReflectTemplate {
  try {
    return localStorage.getItem(reflectTemplateKey) ?? defaultTemplate;
  } catch {
    return defaultTemplate;
  }
}

export function chooseReflectTemplate(choice: ReflectTemplate): void {
  localStorage.setItem(reflectTemplateKey, choice);
}

export function isBuiltIn(choice: string): choice is BuiltInTemplate {
  return (builtInTemplates as readonly string[]).includes(choice);
}

export function builtInTemplateBody(t: TFunction, id: BuiltInTemplate): string {
  return t(`journal.templates.${id}.body`);
}

/** The text "Reflect now" starts with; an own template deleted since it was chosen gives the default. */
export async function reflectTemplateBody(t: TFunction, database: LecternDb = db): Promise<string> {
  const choice = readReflectTemplate();
  if (choice === 'blank') return '';
  if (isBuiltIn(choice)) return builtInTemplateBody(t, choice);
  const own = await database.journalTemplates.get(choice);
  return own?.body ?? builtInTemplateBody(t, defaultTemplate);
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
