// The one API contract between the renderer and main: every method's input schema (validated at the
// dispatcher, whatever the transport) and output schema (for types), and every event main may push.
import { z } from 'zod';
import type { MethodSpec } from './contractTypes';
import type { EventName, MethodName } from './names';
import { speechesContract, speechesEvents } from './speechesContract';
import { groupContract, groupEvents } from './groupContract';
import { rulesContract } from './rulesContract';
import { critiqueContract } from './critiqueContract';
import { recordContract } from './recordContract';
import { syncToolContract } from './syncToolContract';

export const uiLanguages = ['zh-CN', 'en'] as const;
export const UiLanguage = z.enum(uiLanguages);
export type UiLanguage = z.infer<typeof UiLanguage>;

export const screens = ['home', 'record', 'library', 'journal', 'group', 'settings'] as const;
export const Screen = z.enum(screens);
export type Screen = z.infer<typeof Screen>;

const Empty = z.object({}).strict();

/** The longest renderer error text main accepts; the page cuts its reports to fit. */
export const rendererErrorLimits = { message: 2000, stack: 8000 } as const;

export const appNotices = ['windowReloaded'] as const;
export const AppNotice = z.enum(appNotices);
export type AppNotice = z.infer<typeof AppNotice>;

export const contract = {
  'app.info': {
    input: Empty,
    output: z.object({
      version: z.string(),
      transport: z.enum(['ipc', 'http']),
      /** Where this computer keeps the app's files, shown in Settings. */
      dataDir: z.string(),
      osLocale: z.string(),
    }),
  },
  'app.setUiLanguage': {
    input: z.object({ language: UiLanguage }).strict(),
    output: z.null(),
  },
  /** An error the page did not handle, for main's log file: bounded text, never state or input. */
  'app.logError': {
    input: z
      .object({
        kind: z.enum(['error', 'unhandledrejection', 'render']),
        message: z.string().max(rendererErrorLimits.message),
        stack: z.string().max(rendererErrorLimits.stack).optional(),
      })
      .strict(),
    output: z.null(),
  },
  /** Opens the logs folder where the host can (the desktop app); `folder` is shown where it cannot. */
  'app.openLogsFolder': {
    input: Empty,
    output: z.object({ opened: z.boolean(), folder: z.string() }),
  },
  /** Notices main kept for the page (e.g. its window was reloaded after a crash), each given once. */
  'app.takeNotices': {
    input: Empty,
    output: z.object({ notices: z.array(AppNotice) }),
  },
  ...speechesContract,
  ...groupContract,
  ...rulesContract,
  ...critiqueContract,
  ...recordContract,
  ...syncToolContract,
} as const satisfies { [K in MethodName]: MethodSpec };

export const events = {
  /** A command from outside the page (the application menu, the tray) for the renderer to carry out. */
  'app.command': z.discriminatedUnion('command', [
    z.object({ command: z.literal('navigate'), screen: Screen }),
  ]),
  /** Main has a notice for the page: it asks for them with app.takeNotices. */
  'app.notice': z.object({}).strict(),
  ...speechesEvents,
  ...groupEvents,
} as const satisfies { [K in EventName]: z.ZodType };

export type Contract = typeof contract;
export type Events = typeof events;
