import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '@web/shared/lib/errors';
import { ErrorAlert, LoadingStatus } from '@web/shared/ui/StatusMessage';

/** A printout's toolbar, for the screen only: back to the case, any choices (`children`), and "Udskriv". */
export function PrintToolbar({ back, ready, children }: { back: string; ready: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="page-toolbar no-print">
      <Link to={back}>{t('print.back')}</Link>
      {children}
      <button type="button" className="button button--primary" onClick={() => window.print()} disabled={!ready}>
        {t('print.print')}
      </button>
    </div>
  );
}

/** A printout not ready yet: its title, and what it waits for or why it failed. */
export function PrintWaiting({
  title,
  failure,
  loading,
  failed,
}: {
  title: string;
  failure: unknown;
  loading: string;
  failed: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{title}</h1>
      {failure !== null ? (
        <ErrorAlert>{describeError(failure, t, failed)}</ErrorAlert>
      ) : (
        <LoadingStatus>{loading}</LoadingStatus>
      )}
    </>
  );
}
