// Which template "Reflect now" (after a recording) starts from: a blank page, a built-in prompt or
// one of the member's own templates.
import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalTemplateRecord } from './journalTables';
import {
  builtInTemplates,
  chooseReflectTemplate,
  defaultTemplate,
  isBuiltIn,
  readReflectTemplate,
} from './journalTemplates';

export function ReflectTemplateSelect({ templates }: { templates: JournalTemplateRecord[] | undefined }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState(readReflectTemplate);
  const data = [
    { value: 'blank', label: t('journal.blankPage') },
    {
      group: t('journal.builtIn'),
      items: builtInTemplates.map((id) => ({ value: id, label: t(`journal.templates.${id}.name`) })),
    },
    ...(templates?.length
      ? [{ group: t('journal.yours'), items: templates.map(({ id, name }) => ({ value: id, label: name })) }]
      : []),
  ];
  const offered = (value: string) =>
    value === 'blank' || isBuiltIn(value) || templates?.some((own) => own.id === value);
  // An own template deleted since it was chosen: show the default "Reflect now" falls back to.
  const shown = templates === undefined || offered(choice) ? choice : defaultTemplate;
  return (
    <Select<string>
      label={t('journal.reflectTemplate')}
      description={t('journal.reflectTemplateHint')}
      data={data}
      value={shown}
      allowDeselect={false}
      onChange={(value) => {
        if (!value) return;
        chooseReflectTemplate(value);
        setChoice(value);
      }}
    />
  );
}
