// "New entry" with its templates: a blank page, the built-in guided prompts, the member's own.
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconPlus, IconSettings, IconTemplate } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { reportError } from '../shell/reportError';
import { db } from '../state/db';
import { createEntry } from './journalActions';
import { clearFilters, openDialog, selectEntry } from './journalStore';
import { builtInTemplateBody, builtInTemplates } from './journalTemplates';

export async function startEntry(body = ''): Promise<void> {
  try {
    const entry = await createEntry({ body });
    clearFilters();
    selectEntry(entry.id);
  } catch (error) {
    reportError(error);
  }
}

export function NewEntryMenu() {
  const { t } = useTranslation();
  const templates = useLiveQuery(() => db.journalTemplates.orderBy('createdAt').toArray(), []) ?? [];
  return (
    <Button.Group>
      <Button
        leftSection={<IconPlus size={16} />}
        onClick={() => void startEntry()}
        title={t('journal.newEntryShortcut')}
      >
        {t('journal.newEntry')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button px={8} aria-label={t('journal.chooseTemplate')}>
            <IconChevronDown size={16} />
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void startEntry()}>{t('journal.blankPage')}</Menu.Item>
          <Menu.Label>{t('journal.builtIn')}</Menu.Label>
          {builtInTemplates.map((id) => (
            <Menu.Item
              key={id}
              leftSection={<IconTemplate size={14} />}
              onClick={() => void startEntry(builtInTemplateBody(t, id))}
            >
              {t(`journal.templates.${id}.name`)}
            </Menu.Item>
          ))}
          {templates.length ? <Menu.Label>{t('journal.yours')}</Menu.Label> : null}
          {templates.map((template) => (
            <Menu.Item
              key={template.id}
              leftSection={<IconTemplate size={14} />}
              onClick={() => void startEntry(template.body)}
            >
              {template.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconSettings size={14} />} onClick={() => openDialog('templates')}>
            {t('journal.manageTemplates')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Button.Group>
  );
}
