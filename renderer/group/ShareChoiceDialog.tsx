// Sharing a video speech: with its picture or only its audio (SharePictureChoice). A video over the
// group's cap is refused here, before anything is copied, and the message points to the audio.
import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFooter } from '../shell/DialogFooter';
import { reportError } from '../shell/reportError';
import { overCap, SharePictureChoice, useShareSizes } from './SharePictureChoice';
import {
  closeShareChoice,
  sendShare,
  shareRefusal,
  tooLarge,
  useShareChoice,
  type ShareChoice,
} from './shareSpeech';

export function ShareChoiceDialog() {
  const choice = useShareChoice((state) => state.choice);
  return choice ? <ShareChoiceForm key={`${choice.groupId}:${choice.speech.id}`} choice={choice} /> : null;
}

function ShareChoiceForm({ choice }: { choice: ShareChoice }) {
  const { t } = useTranslation();
  const { groupId, groupName, speech } = choice;
  const { sizes, picture, setPicture } = useShareSizes(groupId, speech.id, (error) => {
    reportError(error);
    closeShareChoice();
  });
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string>();

  // The video's size is exact, so its refusal is known now; the audio's is estimated, so main decides.
  const videoRefusal =
    sizes && picture && overCap(sizes, sizes.bytes)
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
        <SharePictureChoice
          sizes={sizes}
          picture={picture}
          onChange={(value) => {
            setPicture(value);
            setRefused(undefined);
          }}
        />
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
