// The speeches an entry is about: picked by title (and date) from the member's library. A linked
// speech that is not in the library stays listed so the link can still be removed: said to be deleted
// only when it is in this computer's trash; otherwise it is simply not on this computer (an entry
// imported from another one, or a speech deleted for good).
import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Speech } from '../../shared/domain/speech';
import { useLiveSpeeches } from '../library/speechesStore';
import { useLiveTrash } from '../library/speechTrashStore';

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
  const { trash, loaded: trashLoaded } = useLiveTrash();
  const known = new Set(speeches.map((speech) => speech.id));
  const trashed = new Map(trash.map(({ speech }) => [speech.id, speech]));
  const missingLabel = (id: string) => {
    const inTrash = trashed.get(id);
    if (inTrash) return t('journal.deletedSpeech', { title: inTrash.title });
    // Until the library and its trash have loaded, a missing speech is only not known yet.
    if (!loaded || !trashLoaded) return t('journal.speech', { id: id.slice(0, 8) });
    return t('journal.speechElsewhere', { id: id.slice(0, 8) });
  };
  const missing = value.filter((id) => !known.has(id)).map((id) => ({ value: id, label: missingLabel(id) }));
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
