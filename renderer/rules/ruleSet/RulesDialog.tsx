// The one frame of every dialog that writes to the group's rules (new or edited assignment, rules,
// postpone, check-in, pardon, pause, revive): its title, its fields, what went wrong, Cancel and the
// action, which stays busy while the write runs and closes the dialog once it is saved.
import { Modal, Stack, type MantineSize } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFooter } from '../../shell/DialogFooter';

interface Props {
  title: string;
  /** The action button's label. */
  action: string;
  /** Writes (true when saved), or says why not (false: the dialog stays open). */
  run(): Promise<boolean>;
  onClose(): void;
  /** An i18n key for what is wrong with the fields, if anything. */
  problem?: string | undefined;
  /** Whether the action can run at all yet. */
  ready?: boolean;
  size?: MantineSize;
  children: ReactNode;
}

export function RulesDialog({ title, action, run, onClose, problem, ready = true, size, children }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const saved = await run().finally(() => setBusy(false));
    if (saved) onClose();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('assignments.close') }}
      opened
      onClose={onClose}
      title={title}
      size={size}
      centered
    >
      <Stack>
        {children}
        <DialogFooter
          problem={problem}
          saveLabel={action}
          busy={busy}
          disabled={!ready}
          onCancel={onClose}
          onSave={() => void submit()}
        />
      </Stack>
    </Modal>
  );
}
