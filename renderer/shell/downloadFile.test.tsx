// The download helper under a DOM: the file is offered under its name, and its URL outlives the click.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from './downloadFile';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('downloadFile', () => {
  it('clicks a link named for the file and revokes its URL only after the click was handled', async () => {
    vi.useFakeTimers();
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:lectern/1');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { name: string; href: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.href, attached: this.isConnected });
    });

    downloadFile('本周.csv', '\uFEFF成员,积分\r\n', 'text/csv;charset=utf-8');

    expect(clicked).toEqual([{ name: '本周.csv', href: 'blob:lectern/1', attached: true }]);
    const blob = created.mock.calls[0]![0] as Blob;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(await blob.text()).toBe('\uFEFF成员,积分\r\n');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoked).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(revoked).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoked).toHaveBeenCalledWith('blob:lectern/1');
  });
});
