// How a video speech goes to the group: with its picture, or only its audio (much smaller, for groups
// on slow clouds), each with its size and the group's cap when the coach set one. Used where a video
// is shared: the share dialog and the check-in (打卡) dialog.
import { Badge, Group, Radio, Stack, Text } from '@mantine/core';
import { IconMicrophone, IconVideo } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../shared/api/contract';
import type { MethodOutput } from '../../shared/api/contractTypes';
import { api } from '../api/api';
import { formatSize } from '../shell/formatSize';

export type ShareSizes = MethodOutput<Contract, 'group.shareSizes'>;

/**
 * The sizes of a speech shared either way and the group's cap (undefined while measuring), and the
 * choice: the picture when it fits the cap, the audio otherwise, until the member picks.
 */
export function useShareSizes(groupId: string, speechId: string | null, onError: (error: unknown) => void) {
  // Kept with the speech they were measured for, so another speech never shows the last one's sizes.
  const [measured, setMeasured] = useState<{ speechId: string; sizes: ShareSizes }>();
  const [picture, setPicture] = useState(true);
  useEffect(() => {
    if (!speechId) return;
    let live = true;
    api.call('group.shareSizes', { groupId, speechId }).then((sizes) => {
      if (!live) return;
      setMeasured({ speechId, sizes });
      setPicture(sizes.maxBytes === null || sizes.bytes <= sizes.maxBytes);
    }, onError);
    return () => {
      live = false;
    };
    // onError is the caller's reaction, not an input of the measurement.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [groupId, speechId]);
  const sizes = measured && measured.speechId === speechId ? measured.sizes : undefined;
  return { sizes, picture, setPicture };
}

/** Whether `bytes` is over the group's cap (a size not known yet never is). */
export const overCap = (sizes: ShareSizes | undefined, bytes: number | null) =>
  sizes?.maxBytes != null && bytes !== null && bytes > sizes.maxBytes;

export function SharePictureChoice({
  sizes,
  picture,
  onChange,
}: {
  sizes: ShareSizes | undefined;
  picture: boolean;
  onChange(picture: boolean): void;
}) {
  const { t, i18n } = useTranslation();
  const size = (bytes: number) => formatSize(bytes, i18n.language);
  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('group.shareChoice.how')}
        value={picture ? 'video' : 'audio'}
        onChange={(value) => onChange(value === 'video')}
      >
        <Stack gap="xs" mt="xs">
          <ChoiceCard
            value="video"
            icon={<IconVideo size={20} />}
            label={t('group.shareChoice.video')}
            hint={t('group.shareChoice.videoHint')}
            size={sizes ? t('group.shareChoice.size', { size: size(sizes.bytes) }) : undefined}
            over={overCap(sizes, sizes?.bytes ?? null)}
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
            over={overCap(sizes, sizes?.audioOnlyBytes ?? null)}
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
    </Stack>
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
