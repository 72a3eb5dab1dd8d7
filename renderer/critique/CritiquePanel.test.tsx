// The critique list as members meet it, in both languages: time order, seeking, the current comment
// during playback, withdrawn and hidden notes, replies, and who may do what.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CritiquePanel, PAGE_SIZE } from './CritiquePanel';
import type { CritiquePanelProps } from './CritiquePanel';
import type { FrameGrabber } from './frameGrabber';
import { COACH, ME, SPEAKER, names, note, thread } from './testThreads';
import { initCritiqueI18n } from './testI18n';

const threads = [
  thread('1', undefined, {}, { author: COACH, text: '整体结构清晰' }),
  thread(
    '2',
    { atMs: 2_000 },
    {
      replies: [
        note('4', { kind: 'reply', author: SPEAKER, parentId: '2', rootId: '2', depth: 1, text: '谢谢' }),
      ],
    },
    { text: '开头很有力', reactions: { heart: [SPEAKER], 'thumbs-up': [ME] } },
  ),
  thread('3', { startMs: 30_000, endMs: 45_000 }, { resolved: true }, { status: 'retracted', text: '' }),
  thread('5', { atMs: 50_000 }, {}, { author: SPEAKER, status: 'hidden', text: '' }),
];

function renderPanel(over: Partial<CritiquePanelProps> = {}) {
  const props: CritiquePanelProps = {
    threads,
    viewer: { me: ME, speaker: SPEAKER, isCoach: false, names },
    currentMs: 0,
    onSeek: vi.fn(),
    onReply: vi.fn(),
    onEdit: vi.fn(),
    onRetract: vi.fn(),
    onResolve: vi.fn(),
    onReact: vi.fn(),
    ...over,
  };
  const view = render(
    <MantineProvider>
      <CritiquePanel {...props} />
    </MantineProvider>,
  );
  return { ...view, props };
}
const card = (id: string) => document.querySelector<HTMLElement>(`[data-thread="${id}"]`)!;

describe('CritiquePanel (中文)', () => {
  beforeAll(() => initCritiqueI18n('zh-CN'));

  it('lists threads in speech order and seeks when a time is clicked', () => {
    const { props } = renderPanel();
    const cards = screen.getAllByRole('article');
    expect(cards.map((c) => c.getAttribute('data-thread'))).toEqual(['1', '2', '3', '5']);
    expect(within(cards[0]!).getByText('整篇演讲')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '从 0:02 开始播放' }));
    expect(props.onSeek).toHaveBeenCalledWith(2_000);
    fireEvent.click(screen.getByRole('button', { name: '从 0:30–0:45 开始播放' }));
    expect(props.onSeek).toHaveBeenLastCalledWith(30_000);
  });

  it('highlights the comment the playhead is at', () => {
    const { rerender, props } = renderPanel({ currentMs: 3_000 });
    expect(card('2').getAttribute('aria-current')).toBe('true');
    rerender(
      <MantineProvider>
        <CritiquePanel {...props} currentMs={40_000} />
      </MantineProvider>,
    );
    expect(card('2').getAttribute('aria-current')).toBeNull();
    expect(card('3').getAttribute('aria-current')).toBe('true');
  });

  it('shows withdrawn and hidden notes without their words, and resolved threads', () => {
    renderPanel();
    expect(within(card('3')).getByText('作者已撤回这条内容。')).toBeTruthy();
    expect(within(card('3')).getByText('已解决')).toBeTruthy();
    expect(within(card('5')).getByText('已被教练隐藏。')).toBeTruthy();
  });

  it('replies through the callback, refusing a blank reply in Chinese', async () => {
    const { props } = renderPanel();
    const thread2 = within(card('2'));
    fireEvent.click(thread2.getAllByRole('button', { name: '回复' })[0]!);
    const box = thread2.getByRole('textbox', { name: '回复 我' });
    fireEvent.click(thread2.getByRole('button', { name: '发送' }));
    expect(await thread2.findByText('请先写点内容。')).toBeTruthy();
    fireEvent.change(box, { target: { value: '同意！' } });
    fireEvent.click(thread2.getByRole('button', { name: '发送' }));
    await waitFor(() => expect(props.onReply).toHaveBeenCalledWith('2', '同意！'));
    await waitFor(() => expect(thread2.queryByRole('textbox')).toBeNull());
  });

  it('offers edit and withdraw on my own words only, and toggles my reactions', async () => {
    const { props } = renderPanel();
    const thread2 = within(card('2'));
    expect(thread2.getAllByRole('button', { name: '编辑' })).toHaveLength(1); // my comment, not Bo's reply
    expect(within(card('1')).queryByRole('button', { name: '编辑' })).toBeNull();
    fireEvent.click(thread2.getByRole('button', { name: '编辑' }));
    const box = thread2.getByRole('textbox', { name: '修改内容' });
    expect((box as HTMLTextAreaElement).value).toBe('开头很有力');
    fireEvent.change(box, { target: { value: '开头非常有力' } });
    fireEvent.click(thread2.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(props.onEdit).toHaveBeenCalledWith('2', '开头非常有力'));
    // Saved: the editor closes (a task after the save resolves; later still on a busy machine).
    fireEvent.click(await thread2.findByRole('button', { name: '撤回' }));
    expect(props.onRetract).toHaveBeenCalledWith('2');
    const [thumbs] = thread2.getAllByRole('button', { name: '赞（1）' });
    expect(thumbs!.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(thumbs!);
    expect(props.onReact).toHaveBeenCalledWith('2', 'thumbs-up', false);
    fireEvent.click(thread2.getAllByRole('button', { name: '喜欢（1）' })[0]!);
    expect(props.onReact).toHaveBeenLastCalledWith('2', 'heart', true);
    expect(screen.queryByRole('button', { name: '标记为已解决' })).toBeNull(); // not the speaker, not a coach
  });
});

describe('CritiquePanel (English)', () => {
  beforeAll(() => initCritiqueI18n('en'));

  it('lets the speaker resolve and reopen', () => {
    const { props } = renderPanel({ viewer: { me: SPEAKER, speaker: SPEAKER, isCoach: false, names } });
    fireEvent.click(within(card('2')).getByRole('button', { name: 'Mark resolved' }));
    expect(props.onResolve).toHaveBeenCalledWith('2', true);
    fireEvent.click(within(card('3')).getByRole('button', { name: 'Reopen' }));
    expect(props.onResolve).toHaveBeenLastCalledWith('3', false);
    expect(screen.queryByRole('button', { name: 'Hide for everyone' })).toBeNull();
  });

  it('lets a coach hide and show notes again', () => {
    const onHide = vi.fn();
    renderPanel({ viewer: { me: COACH, speaker: SPEAKER, isCoach: true, names }, onHide });
    fireEvent.click(within(card('1')).getByRole('button', { name: 'Hide for everyone' }));
    expect(onHide).toHaveBeenCalledWith('1', true);
    fireEvent.click(within(card('5')).getByRole('button', { name: 'Show again' }));
    expect(onHide).toHaveBeenLastCalledWith('5', false);
    expect(within(card('3')).queryByRole('button', { name: 'Hide for everyone' })).toBeNull(); // withdrawn already
  });

  it('renders a window of a long list that follows the playhead, with more on request', () => {
    const many = Array.from({ length: 100 }, (_, i) => thread(String(100 + i), { atMs: i * 10_000 }));
    const ids = () => screen.getAllByRole('article').map((c) => c.getAttribute('data-thread'));
    const { rerender, props } = renderPanel({ threads: many });
    expect(ids()).toHaveLength(PAGE_SIZE);
    expect(ids()[0]).toBe('100');
    fireEvent.click(screen.getByRole('button', { name: `Show ${PAGE_SIZE} more critiques` }));
    expect(ids()).toHaveLength(2 * PAGE_SIZE);
    // The playhead (or a click on a marker) far down the list brings its card in, highlighted.
    const show = (currentMs: number) =>
      rerender(
        <MantineProvider>
          <CritiquePanel {...props} currentMs={currentMs} />
        </MantineProvider>,
      );
    show(800_000);
    expect(card('180').getAttribute('aria-current')).toBe('true');
    expect(ids()).toHaveLength(PAGE_SIZE);
    fireEvent.click(screen.getByRole('button', { name: `Show ${PAGE_SIZE} earlier critiques` }));
    expect(ids()).toHaveLength(2 * PAGE_SIZE);
    expect(card('180').getAttribute('aria-current')).toBe('true');
  });

  it('explains how to comment when there is nothing yet', () => {
    renderPanel({ threads: [] });
    expect(screen.getByText(/press C to comment/)).toBeTruthy();
    expect(screen.getByText('0 critiques')).toBeTruthy();
  });
});

describe('CritiquePanel on a video recording', () => {
  beforeAll(() => initCritiqueI18n('zh-CN'));

  /** Frames drawn at once, each request logged. */
  function fakeFrames() {
    const asked: number[] = [];
    const frames = {
      cached: () => undefined,
      request: (ms: number, onFrame: (url: string) => void) => {
        asked.push(ms);
        onFrame(`data:image/jpeg;base64,${ms}`);
        return () => undefined;
      },
    } as unknown as FrameGrabber;
    return { frames, asked };
  }

  it('shows the frame at each critique’s moment beside its time; a click plays from there', () => {
    const { frames } = fakeFrames();
    const { props } = renderPanel({ frames });
    const pictures = screen.getAllByTestId('frame-thumbnail');
    expect(pictures.map((img) => img.getAttribute('alt'))).toEqual([
      '0:02 处的画面',
      '0:30 处的画面',
      '0:50 处的画面',
    ]);
    expect(within(card('1')).queryByTestId('frame-thumbnail')).toBeNull(); // the whole speech: no moment
    fireEvent.click(pictures[1]!);
    expect(props.onSeek).toHaveBeenLastCalledWith(30_000);
  });

  it('asks only for the frames of the cards shown', () => {
    const { frames, asked } = fakeFrames();
    const many = Array.from({ length: 100 }, (_, i) => thread(String(100 + i), { atMs: i * 10_000 }));
    renderPanel({ threads: many, frames });
    expect(asked).toHaveLength(PAGE_SIZE);
  });

  it('shows no pictures for an audio recording', () => {
    renderPanel();
    expect(screen.queryByTestId('frame-thumbnail')).toBeNull();
  });
});
