// How a criterion reads: a built-in one in the UI's language, a coach's own as they wrote it.
import { useTranslation } from 'react-i18next';
import { isDefaultCriterion } from '../../shared/critique/criteria';

export function useCriterionLabel(): (criterion: string) => string {
  const { t } = useTranslation();
  return (criterion) =>
    isDefaultCriterion(criterion) ? t(`critique.evaluation.criteria.${criterion}`) : criterion;
}
