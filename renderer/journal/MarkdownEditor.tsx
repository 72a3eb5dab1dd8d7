// The Markdown editor with preview (@uiw/react-md-editor, no syntax highlighter), in the member's
// language and colour scheme. The preview sanitises HTML, since an imported entry may come from anyone.
import { useComputedColorScheme } from '@mantine/core';
import MDEditor from '@uiw/react-md-editor/nohighlight';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import rehypeSanitize from 'rehype-sanitize';
import { editorCommands } from './editorCommands';

interface Props {
  value: string;
  onChange: (value: string) => void;
  label: string;
}

const preview = { rehypePlugins: [[rehypeSanitize]] as never };

export function MarkdownEditor({ value, onChange, label }: Props) {
  const { t } = useTranslation();
  const scheme = useComputedColorScheme('light');
  // A new t comes with each language, and with it the toolbar's labels.
  const toolbar = useMemo(() => editorCommands(t), [t]);
  return (
    <div data-color-mode={scheme}>
      <MDEditor
        value={value}
        onChange={(next) => onChange(next ?? '')}
        preview="edit"
        height={380}
        visibleDragbar={false}
        commands={toolbar.commands}
        extraCommands={toolbar.extraCommands}
        previewOptions={preview}
        textareaProps={{ 'aria-label': label }}
      />
    </div>
  );
}
