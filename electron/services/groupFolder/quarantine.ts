// Why a file in the group folder was set aside (design rule 6): never deleted, never a crash.

export interface QuarantinedFile {
  /** Relative to the group folder, with `/` separators. */
  path: string;
  reason: string;
}

/** Thrown while reading one file; the sync records it against that file and goes on. */
export class Quarantine extends Error {
  constructor(
    readonly reason: string,
    /** Worth reading again next sync even if unchanged (e.g. a clock from the future). */
    readonly retry = false,
  ) {
    super(reason);
  }
}
