// The Home screen's "this week": where the member stands in their group, the current assignment, its
// countdown, and what they still owe (a check-in, critiques); "see the assignment" opens its tab.
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLiveGroups } from '../../group/groupStore';
import { openGroupTab } from '../../group/groupTab';
import { useOverview } from './assignmentsStore';
import { formatCountdown, formatDeadline, joinNames } from './formatDeadline';
import { MyStanding, myStanding } from '../standings/MyStanding';
import { useNow } from './useNow';

export function HomeAssignment() {
  const { t, i18n } = useTranslation();
  const { activeGroupId, view } = useLiveGroups();
  const member = view?.me.status === 'member';
  const overview = useOverview(member ? activeGroupId : undefined);
  const now = useNow();
  if (!member || !overview) return null;
  const o = overview.current;
  // Out, a check-in does not count (unless a revival comes before its deadline): never "on time".
  const out = myStanding(overview)?.status === 'out';
  const owedNames = overview.duties.flatMap((d) => d.owed.filter((x) => !x.given).map((x) => x.name));
  const owes = [
    ...(o && !o.mine && o.phase !== 'closed' ? [t('assignments.home.checkIn')] : []),
    ...(owedNames.length > 0
      ? [t('assignments.dutyTitle') + ` (${joinNames(owedNames, i18n.language)})`]
      : []),
  ];
  return (
    <>
      <MyStanding overview={overview} />
      <Paper withBorder p="md" radius="md" data-testid="home-assignment">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('assignments.home.title')}
          </Title>
          {!o ? <Text c="dimmed">{t('assignments.home.none')}</Text> : null}
          {o ? (
            <>
              <Text fw={600}>{o.title}</Text>
              <Text size="sm">
                {t('assignments.submitBy', {
                  when: formatDeadline(o.submitDeadline, i18n.language, overview.timeZone, t),
                })}
              </Text>
              {o.phase !== 'closed' ? (
                <Text size="sm" fw={600}>
                  {t(o.phase === 'upcoming' ? 'assignments.leftToSubmit' : 'assignments.leftLate', {
                    left: formatCountdown(
                      Date.parse(o.phase === 'upcoming' ? o.submitDeadline : o.critiqueDeadline) - now,
                      t,
                    ),
                  })}
                </Text>
              ) : null}
              {o.mine ? (
                <Text size="sm" data-testid="home-check-in">
                  {t(
                    out
                      ? 'assignments.mineNotScored'
                      : o.mine.submission === 'late'
                        ? 'assignments.mineLate'
                        : 'assignments.mineOnTime',
                  )}
                </Text>
              ) : null}
            </>
          ) : null}
          {owes.length > 0 ? (
            <Text size="sm">
              {t('assignments.home.owes', { what: owes.join(i18n.language.startsWith('zh') ? '；' : '; ') })}
            </Text>
          ) : null}
          <div>
            <Button size="xs" variant="default" onClick={() => openGroupTab('assignments')}>
              {t('assignments.home.open')}
            </Button>
          </div>
        </Stack>
      </Paper>
    </>
  );
}
