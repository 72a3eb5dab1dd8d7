// A file's size in the member's language: "50 MB", "2 kB", "1,000 bytes" (1024-based, as disks show).
const KiB = 1024;
export const MiB = 1024 * 1024;

export function formatSize(bytes: number, language: string): string {
  const [unit, scale] = bytes >= MiB ? ['megabyte', MiB] : bytes >= KiB ? ['kilobyte', KiB] : ['byte', 1];
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: scale === 1 ? 'long' : 'short',
    maximumFractionDigits: 1,
  })
    .format(bytes / scale)
    .replace(' ', '\u00a0'); // "1 MB" never breaks between number and unit
}
