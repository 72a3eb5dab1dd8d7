// Node's scrypt for key backups: native, on libuv's thread pool, so a second of KDF never holds
// main's event loop. Node allows 32 MiB by default; `maxmem` is what the largest backup within
// bounds needs, so nothing beyond the bounds runs even if a caller skipped the format's check.
import { scrypt } from 'node:crypto';
import { SCRYPT_MAX_MEMORY } from '../../../shared/group/keyBackup';
import type { ScryptKdf } from '../../../shared/group/keyBackup';

export const nodeScrypt: ScryptKdf = (password, salt, { N, r, p }, dkLen) =>
  new Promise((resolve, reject) => {
    scrypt(password, salt, dkLen, { N, r, p, maxmem: SCRYPT_MAX_MEMORY }, (err, key) =>
      err ? reject(err) : resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength)),
    );
  });
