// Marks where a query's words occur in a title or body, so results can show the match in context.
import { tokenizeQuery } from './searchTokens';

export interface Segment {
  text: string;
  match: boolean;
}

function escape(token: string): string {
  return token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patterns(query: string): RegExp[] {
  return tokenizeQuery(query).map((token) => new RegExp(escape(token), 'giu'));
}

/** Where any query token occurs (tokens may overlap, e.g. 关键 and 键词), merged into ranges. */
function ranges(text: string, query: string): [number, number][] {
  const found: [number, number][] = [];
  for (const pattern of patterns(query))
    for (const hit of text.matchAll(pattern)) found.push([hit.index, hit.index + hit[0].length]);
  found.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** The text cut into matching and non-matching pieces (adjacent matches merged). */
export function highlightSegments(text: string, query: string): Segment[] {
  if (!text) return [];
  const segments: Segment[] = [];
  let last = 0;
  for (const [start, end] of ranges(text, query)) {
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    last = end;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/** A short excerpt around the first match (or the start), highlighted, on one line. */
export function highlightSnippet(text: string, query: string, radius = 40): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = ranges(flat, query)[0]?.[0];
  const start = first !== undefined ? Math.max(0, first - radius) : 0;
  const end = Math.min(flat.length, (first ?? 0) + radius * 2);
  const piece = `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
  return highlightSegments(piece, query);
}
