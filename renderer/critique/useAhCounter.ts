// The Ah-Counter's keys while a speech plays: F marks a filler at the playhead at once (playback goes
// on), then 1–8 name the word within a few seconds; F again, or the time running out, keeps it as
// "a filler". The moment is taken at the key press, not when the word is chosen.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { FILLER_WORDS } from '../../shared/critique/critiqueEvents';

/** How long the word picker waits before the mark is kept without a word. */
export const PICK_WORD_MS = 4_000;

export interface AhCounter {
  /** The filler waiting for its word, if any. */
  pending: { atMs: number } | null;
  /** Marks a filler at the playhead (keeping the one still waiting, without a word). */
  mark(): void;
  /** Names the waiting filler's word (undefined: just a filler) and writes it. */
  choose(word?: string): void;
  /** Handles F and 1–8; true when the key was the Ah-Counter's. */
  onKey(event: KeyboardEvent): boolean;
}

export function useAhCounter({
  now,
  onMark,
}: {
  /** The playhead, in ms. */
  now(): number;
  onMark(atMs: number, word?: string): void;
}): AhCounter {
  const [pending, setPending] = useState<{ atMs: number } | null>(null);
  const waiting = useRef<{ atMs: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const callbacks = useRef({ now, onMark });
  useEffect(() => {
    callbacks.current = { now, onMark };
  });

  const choose = useCallback((word?: string) => {
    clearTimeout(timer.current);
    const mark = waiting.current;
    waiting.current = null;
    setPending(null);
    if (mark) callbacks.current.onMark(mark.atMs, word);
  }, []);

  const mark = useCallback(() => {
    choose();
    const next = { atMs: Math.max(0, Math.round(callbacks.current.now())) };
    waiting.current = next;
    setPending(next);
    timer.current = setTimeout(() => choose(), PICK_WORD_MS);
  }, [choose]);

  // Leaving the player keeps a filler still waiting for its word.
  useEffect(() => () => choose(), [choose]);

  const onKey = useCallback(
    (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return false;
      if (event.key.toLowerCase() === 'f') {
        mark();
        return true;
      }
      const index = Number(event.key) - 1;
      if (waiting.current && Number.isInteger(index) && index >= 0 && index < FILLER_WORDS.length) {
        choose(FILLER_WORDS[index]);
        return true;
      }
      return false;
    },
    [mark, choose],
  );

  return { pending, mark, choose, onKey };
}
