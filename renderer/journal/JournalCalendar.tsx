// The calendar view: a month with the days written marked; picking a day shows that day's entries.
import '@mantine/dates/styles.css';
import 'dayjs/locale/zh-cn';
import { Indicator } from '@mantine/core';
import { Calendar, DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { setFilter, useJournalStore } from './journalStore';

export function JournalCalendar({ counts, today }: { counts: Map<string, number>; today: string }) {
  const { t, i18n } = useTranslation();
  const filter = useJournalStore((state) => state.filter);
  const picked = filter.from && filter.from === filter.to ? filter.from : null;
  return (
    <DatesProvider settings={{ locale: i18n.language === 'zh-CN' ? 'zh-cn' : 'en', firstDayOfWeek: 1 }}>
      <Calendar
        defaultDate={picked ?? today}
        highlightToday
        hideOutsideDates
        weekendDays={[]}
        ariaLabels={{
          previousMonth: t('journal.calendar.previousMonth'),
          nextMonth: t('journal.calendar.nextMonth'),
          previousYear: t('journal.calendar.previousYear'),
          nextYear: t('journal.calendar.nextYear'),
          previousDecade: t('journal.calendar.previousDecade'),
          nextDecade: t('journal.calendar.nextDecade'),
          monthLevelControl: t('journal.calendar.monthLevel'),
          yearLevelControl: t('journal.calendar.yearLevel'),
        }}
        maxDate={today}
        getDayAriaLabel={(date) => t('journal.calendarDay', { date, count: counts.get(date) ?? 0 })}
        getDayProps={(date) => ({
          selected: date === picked,
          onClick: () =>
            date === picked ? setFilter({ from: null, to: null }) : setFilter({ from: date, to: date }),
        })}
        renderDay={(date) => {
          const day = Number(date.slice(8));
          return counts.get(date) ? (
            <Indicator size={6} color="teal" offset={-3}>
              <div>{day}</div>
            </Indicator>
          ) : (
            <div>{day}</div>
          );
        }}
      />
    </DatesProvider>
  );
}
