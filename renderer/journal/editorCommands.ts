// The editor's toolbar in the member's language, with its icons hidden from screen readers (each
// button already has a label; the library's bare SVGs would be announced as unnamed images). The
// labels are ours: the library's Chinese set leaves words in English ("插入 title1", "Heading 1").
import { commands, type ICommand } from '@uiw/react-md-editor/nohighlight';
import type { TFunction } from 'i18next';
import { cloneElement, isValidElement, type ReactElement } from 'react';

/** The i18n key (under journal.toolbar) of each command the toolbar shows, by the command's name. */
const labelKeys: Record<string, string> = {
  bold: 'bold',
  italic: 'italic',
  strikethrough: 'strikethrough',
  hr: 'hr',
  title: 'heading',
  link: 'link',
  quote: 'quote',
  code: 'code',
  codeBlock: 'codeBlock',
  comment: 'comment',
  image: 'image',
  table: 'table',
  'unordered-list': 'unorderedList',
  'ordered-list': 'orderedList',
  'checked-list': 'checkedList',
  help: 'help',
  edit: 'edit',
  live: 'live',
  preview: 'preview',
  fullscreen: 'fullscreen',
};

/** "ctrlcmd+shift+j" as people read it: "Ctrl/⌘+Shift+J". */
export function shortcutText(shortcuts: string): string {
  return shortcuts
    .split('+')
    .map((key) =>
      key === 'ctrlcmd'
        ? 'Ctrl/⌘'
        : key.length === 1
          ? key.toUpperCase()
          : key[0]!.toUpperCase() + key.slice(1),
    )
    .join('+');
}

/** The heading level of "heading1"…"heading6", if the command is one. */
const headingLevel = (name: string | undefined): string | undefined =>
  /^heading([1-6])$/.exec(name ?? '')?.[1];

function translate(command: ICommand, t: TFunction): ICommand {
  const level = headingLevel(command.name);
  const key = level
    ? 'journal.toolbar.headingLevel'
    : labelKeys[command.name ?? ''] && `journal.toolbar.${labelKeys[command.name!]}`;
  if (!key) return command;
  const name = t(key, { level });
  const label = command.shortcuts
    ? t('journal.toolbar.withShortcut', { name, keys: shortcutText(command.shortcuts) })
    : name;
  // A heading's menu entry shows its name as text ("Heading 1" in the library).
  const icon =
    level && isValidElement(command.icon)
      ? cloneElement(command.icon as ReactElement<{ children?: string }>, { children: name })
      : command.icon;
  return { ...command, icon, buttonProps: { ...command.buttonProps, 'aria-label': label, title: label } };
}

function quiet(command: ICommand): ICommand {
  const icon = isValidElement(command.icon)
    ? cloneElement(command.icon as ReactElement<{ 'aria-hidden'?: boolean }>, { 'aria-hidden': true })
    : command.icon;
  return { ...command, icon };
}

function prepare(command: ICommand, t: TFunction): ICommand {
  const children = Array.isArray(command.children)
    ? command.children.map((child) => prepare(child, t))
    : command.children;
  return { ...quiet(translate(command, t)), children } as ICommand;
}

export function editorCommands(t: TFunction): { commands: ICommand[]; extraCommands: ICommand[] } {
  return {
    commands: commands.getCommands().map((c) => prepare(c, t)),
    extraCommands: commands.getExtraCommands().map((c) => prepare(c, t)),
  };
}
