// Per-member actions in the standings: a coach pardons a miss, pauses anyone, revives an out
// member; a member may pause themself. The row's menu opens one dialog (memberActionStore).
import { Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ActionsMenu } from '../../shell/ActionsMenu';
import type { RulesOverview } from '../../../shared/api/rulesOverview';
import type { Standing } from '../../../shared/rules/standings';
import { openMemberAction, pardonable, useMemberAction } from './memberActionStore';
import { PardonDialog, PauseDialog, ReviveDialog } from './MemberDialogs';

export function MemberActions({ standing: s, overview }: { standing: Standing; overview: RulesOverview }) {
  const { t } = useTranslation();
  const mine = s.member === overview.me;
  if (!overview.isCoach && !mine) return null;
  return (
    <ActionsMenu label={t('assignments.member.actions', { name: s.name })}>
      {overview.isCoach ? (
        <Menu.Item disabled={pardonable(s).length === 0} onClick={() => openMemberAction('pardon', s.member)}>
          {t('assignments.member.pardon')}
        </Menu.Item>
      ) : null}
      <Menu.Item onClick={() => openMemberAction('pause', s.member)}>
        {t(mine ? 'assignments.member.pauseMe' : 'assignments.member.pause')}
      </Menu.Item>
      {overview.isCoach ? (
        <Menu.Item disabled={s.status !== 'out'} onClick={() => openMemberAction('revive', s.member)}>
          {t('assignments.member.revive')}
        </Menu.Item>
      ) : null}
    </ActionsMenu>
  );
}

/** The open member dialog, if any, for the standings of `overview`. */
export function MemberActionDialog({ groupId, overview }: { groupId: string; overview: RulesOverview }) {
  const { action, member } = useMemberAction();
  const standing = overview.standings.members.find((s) => s.member === member);
  if (!action || !standing) return null;
  const props = { groupId, overview, standing };
  if (action === 'pardon') return <PardonDialog {...props} />;
  if (action === 'pause') return <PauseDialog {...props} />;
  return <ReviveDialog {...props} />;
}
