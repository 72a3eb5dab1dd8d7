// The speeches.* handlers: thin, because SpeechStore owns the rules.
import type { Contract } from '../../../shared/api/contract';
import { LecternError } from '../../../shared/api/errors';
import type { Handlers } from '../../../shared/api/contractTypes';
import type { speechesContract } from '../../../shared/api/speechesContract';
import type { SpeechStore } from './speechStore';

type SpeechMethods = keyof typeof speechesContract;

export function createSpeechHandlers(
  store: SpeechStore,
  /** Metrics saved for a speech: the groups share them if the speech was shared without (appHandlers). */
  metricsSaved: (speechId: string) => Promise<void> = async () => {},
): Pick<Handlers<Contract>, SpeechMethods> {
  return {
    'speeches.begin': (input) => store.begin(input),
    'speeches.append': ({ speechId, audio, peaks }) => store.append(speechId, audio, peaks),
    // A path names a file on this computer: only the desktop's own renderer may hand one over.
    'speeches.importFrom': ({ speechId, path, bytes }, context) => {
      if (context.transport !== 'ipc') throw new LecternError('forbidden');
      return store.importFrom(speechId, path, bytes);
    },
    'speeches.finish': ({ speechId, durationMs }) => store.finish(speechId, durationMs),
    'speeches.discard': ({ speechId }) => store.discard(speechId),
    'speeches.list': () => store.list(),
    'speeches.peaks': ({ speechId, maxPairs }) => store.peaks(speechId, maxPairs),
    'speeches.update': (input) => store.update(input.speechId, input),
    'speeches.delete': ({ speechId }) => store.delete(speechId),
    'speeches.restore': ({ speechId }) => store.restore(speechId),
    'speeches.trash': () => store.listTrash(),
    'speeches.deleteForever': ({ speechId }) => store.deleteForever(speechId),
    'speeches.emptyTrash': ({ speechIds }) => store.emptyTrash(speechIds),
    'speeches.metrics': ({ speechId }) => store.metrics(speechId),
    'speeches.savePoster': ({ speechId, jpeg }) => store.savePoster(speechId, jpeg),
    'speeches.freeSpace': () => store.freeSpace(),
    'speeches.saveMetrics': async ({ speechId, metrics }) => {
      await store.saveMetrics(speechId, metrics);
      await metricsSaved(speechId);
      return null;
    },
  };
}
