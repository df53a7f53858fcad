import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * While `unsaved` is true, leaving asks first: closing or reloading the tab (the browser's own
 * question) and moving to another page in the app (`question`, answered in a confirm dialog).
 * A router supports one blocker at a time, so a page calls this once for all its forms.
 */
export function useLeaveGuard(unsaved: boolean, question: string): void {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(question)) blocker.proceed();
    else blocker.reset();
  }, [blocker, question]);

  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the question.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);
}
