// The critique composer keeps what the member wrote when they attach the evaluation form or take it
// off again, and sends those words with the form.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CommentComposer } from './CommentComposer';
import { initCritiqueI18n } from './testI18n';

const GROUP = 'a'.repeat(64);

function renderComposer() {
  const onSubmit = vi.fn(async () => undefined);
  render(
    <MantineProvider>
      <CommentComposer
        groupId={GROUP}
        anchor={{ atMs: 2_000 }}
        criteria={['clarity']}
        onSubmit={onSubmit}
        onClose={() => {}}
      />
    </MantineProvider>,
  );
  return onSubmit;
}

const attach = () => fireEvent.click(screen.getByRole('checkbox', { name: '附上评估表' }));

describe('CommentComposer (中文)', () => {
  beforeAll(() => initCritiqueI18n('zh-CN'));

  it('takes the words at once: its text box has the focus when it opens (pressing C opens it)', () => {
    renderComposer();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '你在 0:02 处的点评' }));
  });

  it('keeps the typed words when the evaluation form is ticked and unticked', () => {
    renderComposer();
    fireEvent.change(screen.getByRole('textbox', { name: '你在 0:02 处的点评' }), {
      target: { value: '这里的停顿很有力量。' },
    });
    attach();
    expect(screen.getByRole('textbox', { name: '给评估表配几句话（可选）' })).toHaveProperty(
      'value',
      '这里的停顿很有力量。',
    );
    fireEvent.change(screen.getByRole('textbox', { name: '给评估表配几句话（可选）' }), {
      target: { value: '这里的停顿很有力量。开场也好。' },
    });
    attach();
    expect(screen.getByRole('textbox', { name: '你在 0:02 处的点评' })).toHaveProperty(
      'value',
      '这里的停顿很有力量。开场也好。',
    );
  });

  it('sends the words written before the form was attached, with the form', async () => {
    const onSubmit = renderComposer();
    fireEvent.change(screen.getByRole('textbox', { name: '你在 0:02 处的点评' }), {
      target: { value: '开场很抓人。' },
    });
    attach();
    fireEvent.change(screen.getByRole('textbox', { name: '亮点：做得好的地方' }), {
      target: { value: '故事生动' },
    });
    fireEvent.click(screen.getByRole('button', { name: '保存评估' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith(
        '开场很抓人。',
        expect.objectContaining({ commendations: '故事生动' }),
      ),
    );
  });
});
