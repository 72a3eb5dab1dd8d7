// Where the member stands in their group, said plainly on Home and on the group screen: fine, at risk
// (how many more misses put them out), out (since which week, and that check-ins do not count) or
// revived (when, and the coach's terms). Read from the shared standings, never worked out here.
import { Blockquote, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RulesOverview } from '../../../shared/api/rulesOverview';
import type { Standing } from '../../../shared/rules/standings';
import { useOverview } from '../assignments/assignmentsStore';
import { formatInstant } from '../assignments/formatDeadline';
import { StatusBadge } from './outcomeBadge';

/** The member's own standing in `overview`, if they are scored (a coach is only once they check in). */
export const myStanding = (overview: RulesOverview): Standing | undefined =>
  overview.standings.members.find((s) => s.member === overview.me);

export function MyStanding({ overview }: { overview: RulesOverview }) {
  const { t, i18n } = useTranslation();
  const s = myStanding(overview);
  if (!s) return null;
  const outWeek = s.history.find((h) => h.key === s.outSince);
  const sentence = (() => {
    switch (s.status) {
      case 'out':
        return t('assignments.standing.out', {
          title: outWeek?.title ?? '',
          when: outWeek?.submitBy.replace('T', ' ') ?? '',
        });
      case 'warned':
        return t('assignments.standing.warned', { count: s.missesToOut ?? 1 });
      case 'revived':
        return t('assignments.standing.revived', {
          when: s.revival ? formatInstant(s.revival.at, i18n.language) : '',
        });
      case 'paused':
        return t('assignments.standing.paused');
      default:
        return t('assignments.standing.active');
    }
  })();
  return (
    <Paper withBorder p="md" radius="md" data-testid="my-standing">
      <Stack gap="xs">
        <Group gap="sm">
          <Title order={2} size="h4">
            {t('assignments.standing.title')}
          </Title>
          <StatusBadge status={s.status} />
        </Group>
        <Text size="sm">{sentence}</Text>
        {s.status === 'revived' && s.revival ? (
          <>
            <Text size="sm" fw={600}>
              {t('assignments.standing.terms')}
            </Text>
            <Blockquote p="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="revival-terms">
              {s.revival.terms}
            </Blockquote>
          </>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('assignments.standing.points', { count: s.points })}
          {` · ${t('assignments.standing.streak', { count: s.streak })}`}
          {s.missesToOut !== undefined && s.status !== 'warned'
            ? ` · ${t('assignments.standing.missesLeft', { count: s.missesToOut })}`
            : ''}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The member's standing in the group on screen (the group screen, above its tabs). */
export function MyStandingInGroup({ groupId }: { groupId: string }) {
  const overview = useOverview(groupId);
  return overview ? <MyStanding overview={overview} /> : null;
}
