// The speeches an entry is about: picked by title (and date) from the member's library. A linked
// speech that has left the library stays listed, marked deleted, so the link can still be removed.
import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Speech } from '../../shared/domain/speech';
import { useLiveSpeeches } from '../library/speechesStore';

function speechOption(speech: Speech, language: string) {
  const date = new Date(speech.createdAt).toLocaleDateString(language, { dateStyle: 'medium' });
  return { value: speech.id, label: `${speech.title} · ${date}` };
}

export function LinkedSpeechesInput({
  value,
  onChange,
}: {
  value: string[];
  onChange: (speechIds: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const { speeches, loaded } = useLiveSpeeches();
  const known = new Set(speeches.map((speech) => speech.id));
  const missing = value
    .filter((id) => !known.has(id))
    .map((id) => ({
      value: id,
      // Until the library has loaded, a missing speech is only not known yet.
      label: loaded
        ? t('journal.deletedSpeech', { id: id.slice(0, 8) })
        : t('journal.speech', { id: id.slice(0, 8) }),
    }));
  const empty = loaded && speeches.length === 0;
  return (
    <MultiSelect
      label={t('journal.speeches')}
      description={empty ? t('journal.noSpeeches') : undefined}
      placeholder={t('journal.speechesPlaceholder')}
      nothingFoundMessage={t('journal.noSpeechMatches')}
      data={[...speeches.map((speech) => speechOption(speech, i18n.language)), ...missing]}
      value={value}
      onChange={onChange}
      searchable
      clearable
      hidePickedOptions
    />
  );
}
