// The contract's names alone, without schemas, so the preload can check names without bundling zod.
// Written out by hand on purpose: deriving them from the contract would pull its schemas and zod into
// the sandboxed preload (about 1.5 KB → 520 KB). The contract gathers methods through spreads, which
// `satisfies` does not check for extras, so names.test.ts holds these lists equal to the contract's
// keys, both ways: a method missing here would work over HTTP and be refused by the preload.
export const methodNames = [
  'app.info',
  'app.setUiLanguage',
  'app.logError',
  'app.openLogsFolder',
  'app.takeNotices',
  'speeches.begin',
  'speeches.append',
  'speeches.importFrom',
  'speeches.finish',
  'speeches.discard',
  'speeches.list',
  'speeches.peaks',
  'speeches.update',
  'speeches.delete',
  'speeches.restore',
  'speeches.trash',
  'speeches.deleteForever',
  'speeches.emptyTrash',
  'speeches.metrics',
  'speeches.saveMetrics',
  'speeches.savePoster',
  'speeches.freeSpace',
  'group.identity',
  'group.exportKey',
  'group.importKey',
  'group.list',
  'group.preview',
  'group.create',
  'group.join',
  'group.view',
  'group.decide',
  'group.shareSpeech',
  'group.shareSizes',
  'group.shareReflection',
  'group.withdraw',
  'group.syncNow',
  'group.status',
  'group.recordingMetrics',
  'dialog.pickFolder',
  'rules.createAssignment',
  'rules.editAssignment',
  'rules.postpone',
  'rules.cancel',
  'rules.checkIn',
  'rules.setRules',
  'rules.setShareLimit',
  'rules.pause',
  'rules.pardon',
  'rules.revive',
  'rules.ruleCheckIn',
  'rules.overview',
  'critique.comment',
  'critique.reply',
  'critique.edit',
  'critique.retract',
  'critique.resolve',
  'critique.react',
  'critique.hide',
  'critique.filler',
  'critique.fillerWithdraw',
  'critique.fillerCounted',
  'critique.trends',
  'critique.undelivered',
  'critique.threads',
  'critique.inbox',
  'critique.markRead',
  'record.allowCamera',
  'syncTool.settings',
  'syncTool.saveSettings',
  'syncTool.status',
] as const;
export const eventNames = [
  'app.command',
  'app.notice',
  'speeches.changed',
  'group.changed',
  'group.status',
] as const;

export type MethodName = (typeof methodNames)[number];
export type EventName = (typeof eventNames)[number];

export const ipcChannels = { invoke: 'lectern:invoke', event: 'lectern:event' } as const;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (methodNames as readonly string[]).includes(name);
}
