import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { LoadError, LoadingStatus } from '@web/shared/ui/StatusMessage';
import { useCasesByIds } from '../hooks/useCasesByIds';
import { CaseTable } from './CaseTable';
import './cases.css';

/**
 * `/cases/selection?ids=…&title=…`: the case list of the cases behind a figure (e.g. on "Resultater"),
 * fetched through the case list, so the same access rules and access log apply.
 */
export function CaseSelectionPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  const title = params.get('title') || t('caseSelection.title');
  usePageTitle(title);
  const { data: cases, isFetching, error, refetch } = useCasesByIds(ids);

  return (
    <>
      <h1>{title}</h1>
      <p>
        <Link to="/outcomes">{t('caseSelection.back')}</Link>
      </p>
      <div className="list-feedback">{isFetching && <LoadingStatus>{t('cases.loading')}</LoadingStatus>}</div>
      <LoadError error={error} fallback={t('cases.loadFailed')} onRetry={() => void refetch()} />
      {cases && cases.length < ids.length && (
        <p className="note">{t('caseSelection.hidden', { count: ids.length - cases.length })}</p>
      )}
      {(cases || ids.length === 0) && (
        <CaseTable
          cases={cases ?? []}
          total={cases?.length ?? 0}
          scope="team"
          busy={isFetching}
          empty={t('caseSelection.empty')}
        />
      )}
    </>
  );
}
