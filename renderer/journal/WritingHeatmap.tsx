// The writing streak and a heatmap of the days written over the last 26 weeks, its months named
// above the columns.
import { Box, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  heatmapMonthStarts,
  writingHeatmap,
  writingStreak,
  type HeatmapCell,
} from '../../shared/journal/writingStreak';
import { setFilter } from './journalStore';

const shades = [
  'var(--mantine-color-default-border)',
  'var(--mantine-color-teal-3)',
  'var(--mantine-color-teal-5)',
  'var(--mantine-color-teal-7)',
  'var(--mantine-color-teal-9)',
];
const cell = 12;
const gap = 3;

/** Short month names ("Mar", "3月") over the columns where a month begins. */
function MonthLabels({ columns }: { columns: HeatmapCell[][] }) {
  const { i18n } = useTranslation();
  const month = new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' });
  return (
    <Box pos="relative" h={16} aria-hidden data-testid="heatmap-months">
      {heatmapMonthStarts(columns).map(({ column, day }) => (
        <Text
          key={day}
          size="xs"
          c="dimmed"
          lh="16px"
          pos="absolute"
          // A label over the last columns ends at the grid's edge instead of running past it.
          {...(column >= columns.length - 2 ? { right: 0 } : { left: column * (cell + gap) })}
          style={{ whiteSpace: 'nowrap' }}
        >
          {month.format(new Date(`${day}T00:00:00Z`))}
        </Text>
      ))}
    </Box>
  );
}

export function WritingHeatmap({
  days,
  today,
  texts = 'journal',
  onDay = (day) => setFilter({ from: day, to: day }),
}: {
  days: string[];
  today: string;
  /** Where its texts live (`<texts>.streak`, `.streakDays`, …): the journal's, or growth's practice. */
  texts?: 'journal' | 'growth.practice';
  /** A click on a day with something on it (the journal filters its entries to that day). */
  onDay?: (day: string) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const streak = writingStreak(days, today);
  const columns = writingHeatmap(days, today);
  const recent = columns.flat().filter((c) => c.count > 0).length;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="lg">
        <Stack gap={2}>
          <Text fw={600} id={titleId}>
            {t(`${texts}.streak`)}
          </Text>
          <Group gap={6}>
            <IconFlame size={20} color="var(--mantine-color-orange-7)" aria-hidden />
            <Text size="lg" fw={700}>
              {t(`${texts}.streakDays`, { count: streak.current })}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t(`${texts}.longestStreak`, { count: streak.longest })} ·{' '}
            {t(`${texts}.daysWritten`, { count: streak.daysWritten })}
          </Text>
        </Stack>
        <Stack gap={4}>
          <MonthLabels columns={columns} />
          <Box
            role="img"
            aria-label={t(`${texts}.heatmapLabel`, { count: recent })}
            style={{
              display: 'grid',
              gridAutoFlow: 'column',
              gridTemplateRows: `repeat(7, ${cell}px)`,
              gap,
            }}
          >
            {columns.flatMap((column) =>
              column.map((c) => (
                <Tooltip
                  key={c.day}
                  label={t(`${texts}.heatmapDay`, { date: c.day, count: c.count })}
                  openDelay={200}
                >
                  <Box
                    w={cell}
                    h={cell}
                    style={{
                      background: shades[c.level],
                      borderRadius: 2,
                      cursor: c.count ? 'pointer' : 'default',
                    }}
                    onClick={() => c.count && onDay(c.day)}
                  />
                </Tooltip>
              )),
            )}
          </Box>
          <Group gap={4} justify="flex-end" aria-hidden>
            <Text size="xs" c="dimmed">
              {t('journal.heatmapLess')}
            </Text>
            {shades.map((shade) => (
              <Box key={shade} w={cell} h={cell} style={{ background: shade, borderRadius: 2 }} />
            ))}
            <Text size="xs" c="dimmed">
              {t('journal.heatmapMore')}
            </Text>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
