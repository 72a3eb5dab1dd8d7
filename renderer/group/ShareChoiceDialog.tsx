// Sharing a video speech: with its picture, or only its audio (much smaller, for groups on slow
// clouds), each with its size, and the group's cap when the coach set one. A video over the cap is
// refused here, before anything is copied, and the message points to the audio.
import { Alert, Badge, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { IconMicrophone, IconVideo } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../shared/api/contractTypes';
import type { Contract } from '../../shared/api/contract';
import { api } from '../api/api';
import { DialogFooter } from '../shell/DialogFooter';
import { formatSize } from '../shell/formatSize';
import { reportError } from '../shell/reportError';
import {
  closeShareChoice,
  sendShare,
  shareRefusal,
  tooLarge,
  useShareChoice,
  type ShareChoice,
} from './shareSpeech';

type ShareSizes = MethodOutput<Contract, 'group.shareSizes'>;

export function ShareChoiceDialog() {
  const choice = useShareChoice((state) => state.choice);
  return choice ? <ShareChoiceForm key={`${choice.groupId}:${choice.speech.id}`} choice={choice} /> : null;
}

function ShareChoiceForm({ choice }: { choice: ShareChoice }) {
  const { t, i18n } = useTranslation();
  const { groupId, groupName, speech } = choice;
  const [sizes, setSizes] = useState<ShareSizes>();
  const [picture, setPicture] = useState(true);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string>();

  useEffect(() => {
    api
      .call('group.shareSizes', { groupId, speechId: speech.id })
      .then((found) => {
        setSizes(found);
        // The picture when it fits the group's cap; the audio otherwise.
        setPicture(found.maxBytes === null || found.bytes <= found.maxBytes);
      })
      .catch((error: unknown) => {
        reportError(error);
        closeShareChoice();
      });
  }, [groupId, speech.id]);

  const size = (bytes: number) => formatSize(bytes, i18n.language);
  const over = (bytes: number | null) => sizes?.maxBytes != null && bytes !== null && bytes > sizes.maxBytes;
  // The video's size is exact, so its refusal is known now; the audio's is estimated, so main decides.
  const videoRefusal =
    sizes && picture && over(sizes.bytes)
      ? tooLarge('errors.shareTooLargeVideo', sizes.maxBytes!, sizes.bytes)
      : undefined;
  const problem = videoRefusal ?? refused;

  const share = async () => {
    setBusy(true);
    try {
      await sendShare(groupId, groupName, speech.id, picture);
      closeShareChoice();
    } catch (error) {
      const message = shareRefusal(error);
      if (message) setRefused(message);
      else reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={closeShareChoice}
      title={t('group.shareChoice.title', { title: speech.title, name: groupName })}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Radio.Group
          label={t('group.shareChoice.how')}
          value={picture ? 'video' : 'audio'}
          onChange={(value) => {
            setPicture(value === 'video');
            setRefused(undefined);
          }}
        >
          <Stack gap="xs" mt="xs">
            <ChoiceCard
              value="video"
              icon={<IconVideo size={20} />}
              label={t('group.shareChoice.video')}
              hint={t('group.shareChoice.videoHint')}
              size={sizes ? t('group.shareChoice.size', { size: size(sizes.bytes) }) : undefined}
              over={sizes ? over(sizes.bytes) : false}
            />
            <ChoiceCard
              value="audio"
              icon={<IconMicrophone size={20} />}
              label={t('group.shareChoice.audio')}
              hint={t('group.shareChoice.audioHint')}
              size={
                sizes?.audioOnlyBytes != null
                  ? t('group.shareChoice.aboutSize', { size: size(sizes.audioOnlyBytes) })
                  : undefined
              }
              over={sizes ? over(sizes.audioOnlyBytes) : false}
            />
          </Stack>
        </Radio.Group>
        {!sizes ? (
          <Text size="sm" c="dimmed">
            {t('group.shareChoice.measuring')}
          </Text>
        ) : sizes.maxBytes !== null ? (
          <Text size="sm" data-testid="share-limit">
            {t('group.shareChoice.limit', { limit: size(sizes.maxBytes) })}
          </Text>
        ) : null}
        {problem ? (
          <Alert color="red" variant="light" role="alert">
            <Text size="sm">{problem}</Text>
          </Alert>
        ) : null}
        <DialogFooter
          saveLabel={t('group.shareChoice.share')}
          busy={busy}
          disabled={!sizes || videoRefusal !== undefined}
          onCancel={closeShareChoice}
          onSave={() => void share()}
        />
      </Stack>
    </Modal>
  );
}

interface ChoiceProps {
  value: 'video' | 'audio';
  icon: ReactNode;
  label: string;
  hint: string;
  size: string | undefined;
  over: boolean;
}

function ChoiceCard({ value, icon, label, hint, size, over }: ChoiceProps) {
  const { t } = useTranslation();
  return (
    <Radio.Card value={value} radius="md" p="sm" data-testid={`share-${value}`}>
      <Group wrap="nowrap" align="flex-start">
        <Radio.Indicator mt={4} />
        {icon}
        <Stack gap={2} style={{ flex: 1 }}>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{label}</Text>
            <Group gap="xs" wrap="nowrap">
              {over ? (
                <Badge color="red" variant="light">
                  {t('group.shareChoice.overLimit')}
                </Badge>
              ) : null}
              {size ? (
                <Text size="sm" ff="monospace" data-testid="share-size">
                  {size}
                </Text>
              ) : null}
            </Group>
          </Group>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </Stack>
      </Group>
    </Radio.Card>
  );
}
