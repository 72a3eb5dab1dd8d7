// The --data-dir switch: read from the command line, and put back when relaunching with another folder.
import { describe, expect, it } from 'vitest';
import { dataDirArgument, relaunchArguments } from './dataDirArgument';

describe('dataDirArgument', () => {
  it('reads an absolute folder, the last one given', () => {
    expect(dataDirArgument(['/opt/Lectern/lectern', '--data-dir=/media/usb/Lectern'])).toBe(
      '/media/usb/Lectern',
    );
    expect(dataDirArgument(['lectern', '--data-dir=/a', '--data-dir=/b'])).toBe('/b');
  });

  it('ignores a missing, empty or relative folder', () => {
    expect(dataDirArgument(['/opt/Lectern/lectern'])).toBeUndefined();
    expect(dataDirArgument(['lectern', '--data-dir='])).toBeUndefined();
    expect(dataDirArgument(['lectern', '--data-dir=relative/dir'])).toBeUndefined();
  });
});

describe('relaunchArguments', () => {
  it('keeps the other arguments and replaces the folder', () => {
    expect(relaunchArguments(['electron', '.', '--data-dir=/old', '--lang=zh'], '/new folder')).toEqual([
      '.',
      '--lang=zh',
      '--data-dir=/new folder',
    ]);
  });
});
