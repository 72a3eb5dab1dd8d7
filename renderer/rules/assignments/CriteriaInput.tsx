// The coach names the evaluation criteria peers score 1–5: the built-in ones are offered (and read in
// each member's language), anything else is kept in the coach's own words. Empty means the next list
// out applies (the group's for an assignment, the defaults for the group), which the hint spells out.
import { Pill, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CRITERIA, MAX_LISTED_CRITERIA } from '../../../shared/critique/criteria';
import { useCriterionLabel } from '../../critique/useCriterionLabel';

export interface CriteriaInputProps {
  value: string[];
  onChange(value: string[]): void;
  /** What applies while the list is empty. */
  fallback: readonly string[];
  /** Whose list this is: it words the hint. */
  owner: 'assignment' | 'group';
  /** What is wrong with the list, in the member's words. */
  error?: string | undefined;
}

export function CriteriaInput({ value, onChange, fallback, owner, error }: CriteriaInputProps) {
  const { t, i18n } = useTranslation();
  const label = useCriterionLabel();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(fallback.map(label));
  return (
    <TagsInput
      label={t('assignments.criteria.label')}
      description={t(`assignments.criteria.${owner}Hint`, { fallback: list })}
      placeholder={value.length < MAX_LISTED_CRITERIA ? t('assignments.criteria.placeholder') : undefined}
      data={DEFAULT_CRITERIA.map((id) => ({ value: id, label: label(id) }))}
      value={value}
      onChange={onChange}
      maxTags={MAX_LISTED_CRITERIA}
      error={error}
      splitChars={[',', '，', '、']}
      withPillsReorder
      openOnFocus={false}
      clearable
      renderPill={({ value: criterion = '', onRemove, disabled, reorderProps }) => (
        <Pill withRemoveButton={!disabled} onRemove={onRemove} disabled={disabled} {...reorderProps}>
          {label(criterion)}
        </Pill>
      )}
    />
  );
}
