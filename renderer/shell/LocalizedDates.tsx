// Every date field and calendar in the app reads dates the way the app's language does (dayjs locale,
// first day of the week), following a language switch at once.
import '@mantine/dates/styles.css';
import 'dayjs/locale/zh-cn';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFormatsOf } from './dateFormats';

export function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const formats = dateFormatsOf(i18n.language);
  return (
    <DatesProvider settings={{ locale: formats.locale, firstDayOfWeek: formats.firstDayOfWeek }}>
      {children}
    </DatesProvider>
  );
}
