// How a coach brings members in, shown right after creating a group and from the header later: the
// folder to share, short steps for the sync tools our members use, and what the member then does
// (join with their copy of the folder; the coach approves after comparing verification codes).
import {
  Button,
  CloseButton,
  Code,
  CopyButton,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The sync tools a step list is written for (keys under group.invite.tools). */
const tools = ['syncthing', 'nutstore', 'networkDrive'] as const;
const stepsPerTool = 3;
const memberSteps = 3;

export function InvitePanel({ folder, onClose }: { folder: string; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      role="region"
      aria-labelledby="invite-title"
      data-testid="invite-panel"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4" id="invite-title">
            {t('group.invite.title')}
          </Title>
          <CloseButton aria-label={t('group.invite.close')} onClick={onClose} />
        </Group>
        <Text size="sm">{t('group.invite.intro')}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('group.invite.folder')}
          </Text>
          <Group gap="xs" wrap="nowrap" align="center">
            <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="invite-folder">
              {folder}
            </Code>
            <CopyButton value={folder}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  onClick={copy}
                >
                  {copied ? t('group.invite.copied') : t('group.invite.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            {t('group.invite.folderHint')}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          {tools.map((tool) => (
            <Stack key={tool} gap={4}>
              <Title order={3} size="h6">
                {t(`group.invite.tools.${tool}.name`)}
              </Title>
              <List type="ordered" size="sm" spacing={2}>
                {Array.from({ length: stepsPerTool }, (_, i) => (
                  <List.Item key={i}>{t(`group.invite.tools.${tool}.step${i + 1}`)}</List.Item>
                ))}
              </List>
            </Stack>
          ))}
        </SimpleGrid>
        <Stack gap={4}>
          <Title order={3} size="h6">
            {t('group.invite.memberTitle')}
          </Title>
          <List type="ordered" size="sm" spacing={2}>
            {Array.from({ length: memberSteps }, (_, i) => (
              <List.Item key={i}>{t(`group.invite.member.step${i + 1}`)}</List.Item>
            ))}
          </List>
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('group.invite.done')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
