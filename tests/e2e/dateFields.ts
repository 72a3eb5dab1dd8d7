// Filling the app's date and time fields (Mantine dates, in the member's language) the way a person
// types them: a day as 2026-03-08, a time as hours then minutes (24-hour, as the Chinese UI reads).
import type { Locator, Page } from '@playwright/test';

type Scope = Page | Locator;

/** The day field labelled `label`: typed, then left (the field shows it the member's way). */
export async function fillDate(scope: Scope, label: string, date: string): Promise<void> {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.fill(date);
  await input.blur();
}

/** The time of the field named `field` (its hours and minutes say whose they are). `nth`: which one. */
export async function fillTime(scope: Scope, field: string, time: string, nth = 0): Promise<void> {
  const [hours, minutes] = time.split(':') as [string, string];
  const zh = /[\u4e00-\u9fff]/.test(field);
  const part = (which: '时' | '分') =>
    scope
      .getByRole('spinbutton', {
        name: zh ? `${field} · ${which}` : `${field}, ${which === '时' ? 'hours' : 'minutes'}`,
        exact: true,
      })
      .nth(nth);
  await part('时').fill(hours);
  await part('分').fill(minutes);
  await part('分').blur();
}

/** A deadline (`YYYY-MM-DDTHH:mm`): its day field labelled `label`, then its time. */
export async function fillDateTime(scope: Scope, label: string, at: string): Promise<void> {
  const [date, time] = at.split('T') as [string, string];
  await fillDate(scope, label, date);
  await fillTime(scope, label, time);
}
