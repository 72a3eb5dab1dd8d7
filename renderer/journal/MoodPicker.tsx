// A five-step mood scale (faces, each with a name for screen readers and a tooltip), or no mood.
import { SegmentedControl, Text, Tooltip } from '@mantine/core';
import {
  IconMoodCry,
  IconMoodEmpty,
  IconMoodHappy,
  IconMoodSad,
  IconMoodSmile,
  IconMinus,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { moods, type Mood } from '../../shared/journal/journalEntry';

const faces = { 1: IconMoodCry, 2: IconMoodSad, 3: IconMoodEmpty, 4: IconMoodSmile, 5: IconMoodHappy };

/** The face for a mood, named for screen readers. */
export function MoodFace({ mood, size = 18 }: { mood: Mood; size?: number }) {
  const { t } = useTranslation();
  const Face = faces[mood];
  return (
    <Face
      size={size}
      stroke={1.7}
      role="img"
      aria-label={t(`journal.moods.${mood}`)}
      style={{ display: 'block' }}
    />
  );
}

export function MoodPicker({
  value,
  onChange,
}: {
  value: Mood | null;
  onChange: (mood: Mood | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={500} id="journal-mood" mb={4}>
        {t('journal.mood')}
      </Text>
      <SegmentedControl
        aria-labelledby="journal-mood"
        value={String(value ?? 0)}
        onChange={(next) => onChange(next === '0' ? null : (Number(next) as Mood))}
        data={[
          {
            value: '0',
            label: (
              <IconMinus
                size={18}
                role="img"
                aria-label={t('journal.moods.none')}
                style={{ display: 'block' }}
              />
            ),
          },
          ...moods.map((mood) => ({
            value: String(mood),
            label: (
              <Tooltip label={t(`journal.moods.${mood}`)}>
                <span>
                  <MoodFace mood={mood} />
                </span>
              </Tooltip>
            ),
          })),
        ]}
      />
    </div>
  );
}
