// Audio and peaks shared in a group, served from the folder: only blobs the group's state names,
// found in whichever device directory holds them, and only after their bytes hash to their name
// (design rule 3). A verified file is remembered by (size, mtime, inode, ctime), so a player's
// many Range requests do not re-hash a long speech.
import { promises as fs } from 'node:fs';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import type { SpeechMetrics } from '../../../shared/audio/metrics/speechMetrics';
import type { Speech } from '../../../shared/domain/speech';
import type { GroupState } from '../../../shared/group/groupState';
import { BLOBS_DIR, DEVICES_DIR, blobPath } from '../../../shared/group/folderLayout';
import { recordingsOf } from '../../../shared/group/recordings';
import { verifyBlobFile } from '../groupFolder/blobStore';
import { BlobListings } from './blobListings';

/** What sharing needs from the member's speeches (SpeechStore has it). */
export interface SpeechSource {
  get(speechId: string): Promise<Speech>;
  mediaFile(speechId: string): Promise<{ path: string; mimeType: string } | undefined>;
  peaks(speechId: string): Promise<{ sampleRate: number; samplesPerPixel: number; data: Uint8Array }>;
  /** Its delivery metrics, null while none were computed (optional: sources made before metrics). */
  metrics?(speechId: string): Promise<SpeechMetrics | null>;
}

export function groupBlobUrl(groupId: string, sha256: string): string {
  return `/media/groups/${groupId}/blobs/${sha256}`;
}

const SHA_RE = /^[0-9a-f]{64}$/;

export class GroupMedia {
  private readonly verified = new Map<string, string>();
  private readonly listings = new BlobListings();

  constructor(
    private readonly folder: string,
    private readonly state: () => GroupState,
  ) {}

  /**
   * The MIME type of a blob the group's state names, and the sizes its recordings give it (media only:
   * a file of another size is not served, so a recording cannot claim to fit the group's cap and be
   * bigger), or undefined for anything else.
   */
  private blobOf(sha: string): { mimeType: string; sizes?: Set<number> } | undefined {
    let found: { mimeType: string; sizes?: Set<number> } | undefined;
    for (const r of Object.values(recordingsOf(this.state()))) {
      if (r.sha256 === sha) {
        found = { mimeType: r.mime, sizes: (found?.sizes ?? new Set()).add(r.byteSize) };
      } else if (r.peaksSha256 === sha && !found) found = { mimeType: 'application/json' };
    }
    return found;
  }

  /**
   * Which blobs have arrived, by SHA-256. Every sync and every view asks, so a device's blobs/ is
   * listed again only when its directory changed (one stat per device, not one listing; see
   * {@link BlobListings}).
   */
  async arrived(): Promise<Set<string>> {
    const out = new Set<string>();
    const devices = await this.devices();
    for (const device of devices) {
      const names = await this.listings.names(path.join(this.folder, DEVICES_DIR, device, BLOBS_DIR));
      for (const name of names) if (SHA_RE.test(name)) out.add(name);
    }
    this.listings.keepOnly(devices.map((device) => path.join(this.folder, DEVICES_DIR, device, BLOBS_DIR)));
    return out;
  }

  /** The verified file for a blob of this group, ready to serve with Range; undefined = 404. */
  async file(sha: string): Promise<{ path: string; mimeType: string } | undefined> {
    if (!SHA_RE.test(sha)) return undefined;
    const blob = this.blobOf(sha);
    if (!blob) return undefined;
    const { mimeType, sizes } = blob;
    for (const device of await this.devices()) {
      const rel = blobPath(device, sha);
      const full = path.join(this.folder, ...rel.split('/'));
      const stats = await fs.lstat(full).catch(() => null);
      if (!stats?.isFile() || (sizes && !sizes.has(stats.size))) continue;
      const key = `${stats.size}:${stats.mtimeMs}:${stats.ino}:${stats.ctimeMs}`;
      if (this.verified.get(rel) !== key) {
        const verdict = await verifyBlobFile(this.folder, rel, sha);
        if (!verdict.ok) continue; // still arriving (truncated) or tampered: try another copy
        this.verified.set(rel, key);
      }
      return { path: full, mimeType };
    }
    return undefined;
  }

  private async devices(): Promise<string[]> {
    const entries: Dirent[] = await fs
      .readdir(path.join(this.folder, DEVICES_DIR), { withFileTypes: true })
      .catch(() => []);
    return entries.filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name)).map((e) => e.name);
  }
}
