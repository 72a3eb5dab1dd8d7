// Saves bytes or text as a file the member downloads (a Blob behind an <a download>), in Electron and
// the browser alike. The object URL is revoked only once the click has been handled: the browser reads
// the Blob after click() returns (after a save dialog, in Electron), so revoking at once can lose it.
const REVOKE_AFTER_MS = 60_000;

export function downloadFile(fileName: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
