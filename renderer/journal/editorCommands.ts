// The editor's toolbar in the member's language, with its icons hidden from screen readers (each
// button already has a label; the library's bare SVGs would be announced as unnamed images).
import { commands as commandsEn, type ICommand } from '@uiw/react-md-editor/nohighlight';
import * as commandsZh from '@uiw/react-md-editor/commands-cn';
import { cloneElement, isValidElement, type ReactElement } from 'react';

function quiet(command: ICommand): ICommand {
  const icon = isValidElement(command.icon)
    ? cloneElement(command.icon as ReactElement<{ 'aria-hidden'?: boolean }>, { 'aria-hidden': true })
    : command.icon;
  const children = Array.isArray(command.children) ? command.children.map(quiet) : command.children;
  return { ...command, icon, children } as ICommand;
}

export function editorCommands(language: string): { commands: ICommand[]; extraCommands: ICommand[] } {
  const source = language === 'zh-CN' ? commandsZh : commandsEn;
  return { commands: source.getCommands().map(quiet), extraCommands: source.getExtraCommands().map(quiet) };
}
