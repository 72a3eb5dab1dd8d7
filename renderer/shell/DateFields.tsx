// Date and time fields in the member's language (2026年3月8日, a calendar headed 2026年3月, 24-hour
// time in Chinese; Mar 8, 2026 and AM/PM in English), holding ISO strings as the API takes them:
// a date `YYYY-MM-DD`, a time `HH:mm`, a date-time `YYYY-MM-DDTHH:mm`. A half-typed value is held as
// an incomplete string, so the form's own check says what is missing beside the field.
import { Group } from '@mantine/core';
import { DateInput, TimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { dateFormatsOf, parseTypedDate } from './dateFormats';

interface FieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** What is wrong, said beside the field; `true` marks it without words (a sibling says them). */
  error?: string | boolean | undefined;
  description?: string | undefined;
}

/** A day, typed in either language's way or picked from the calendar. */
export function DateField({ label, value, onChange, error, description }: FieldProps) {
  const { t, i18n } = useTranslation();
  const formats = dateFormatsOf(i18n.language);
  return (
    <DateInput
      label={label}
      description={description}
      value={value || null}
      onChange={(date) => onChange(date ?? '')}
      valueFormat={formats.date}
      dateParser={parseTypedDate}
      monthLabelFormat={formats.monthLabel}
      yearLabelFormat={formats.yearLabel}
      error={error}
      highlightToday
      popoverProps={{ withinPortal: true }}
      ariaLabels={{
        previousMonth: t('forms.calendar.previousMonth'),
        nextMonth: t('forms.calendar.nextMonth'),
        previousYear: t('forms.calendar.previousYear'),
        nextYear: t('forms.calendar.nextYear'),
        previousDecade: t('forms.calendar.previousDecade'),
        nextDecade: t('forms.calendar.nextDecade'),
        monthLevelControl: t('forms.calendar.monthLevel'),
        yearLevelControl: t('forms.calendar.yearLevel'),
      }}
    />
  );
}

/**
 * A time of day: hours and minutes, each named after the field for screen readers. Left uncontrolled
 * after its first value: Mantine's controlled picker empties both parts when one is cleared.
 */
export function TimeField({ label, value, onChange, error, name }: FieldProps & { name?: string }) {
  const { t, i18n } = useTranslation();
  const field = name ?? label;
  return (
    <TimePicker
      key={i18n.language}
      label={label}
      defaultValue={value}
      onChange={onChange}
      format={dateFormatsOf(i18n.language).time}
      withDropdown
      error={error}
      hoursInputLabel={t('forms.hoursOf', { field })}
      minutesInputLabel={t('forms.minutesOf', { field })}
      amPmInputLabel={t('forms.amPmOf', { field })}
      popoverProps={{ withinPortal: true }}
    />
  );
}

/** A deadline: its day and its time side by side, what is wrong said under the day. */
export function DateTimeField({ label, value, onChange, error }: Omit<FieldProps, 'description'>) {
  const { t } = useTranslation();
  const [date = '', time = ''] = value.split('T');
  return (
    <Group grow align="flex-start" gap="xs" wrap="nowrap">
      <DateField label={label} value={date} onChange={(d) => onChange(`${d}T${time}`)} error={error} />
      <TimeField
        label={t('forms.time')}
        name={label}
        value={time}
        onChange={(tm) => onChange(`${date}T${tm}`)}
        error={Boolean(error)}
      />
    </Group>
  );
}
