// Which speeches the library shows, and in what order.
import type { Speech } from '../../shared/domain/speech';

export type SpeechSort = 'newest' | 'oldest' | 'longest' | 'title';

export interface SpeechFilter {
  query: string;
  tag: string | null;
  sort: SpeechSort;
}

export function filterSpeeches(
  speeches: readonly Speech[],
  { query, tag, sort }: SpeechFilter,
  locale: string,
): Speech[] {
  const needle = query.trim().toLocaleLowerCase(locale);
  const matches = speeches.filter(
    (speech) =>
      (tag === null || speech.tags.includes(tag)) &&
      (needle === '' ||
        speech.title.toLocaleLowerCase(locale).includes(needle) ||
        speech.tags.some((each) => each.toLocaleLowerCase(locale).includes(needle))),
  );
  const collator = new Intl.Collator(locale);
  const order: Record<SpeechSort, (a: Speech, b: Speech) => number> = {
    newest: (a, b) => b.createdAt.localeCompare(a.createdAt),
    oldest: (a, b) => a.createdAt.localeCompare(b.createdAt),
    longest: (a, b) => b.durationMs - a.durationMs,
    title: (a, b) => collator.compare(a.title, b.title),
  };
  return matches.sort(order[sort]);
}

export function allTags(speeches: readonly Speech[]): string[] {
  return [...new Set(speeches.flatMap((speech) => speech.tags))].sort();
}
