import type { ReactNode } from 'react';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { PageFrame } from './PageFrame';

/** Frame for pages without a staff session: login, guest links, errors. */
export function PublicLayout({ children, narrow = false }: { children: ReactNode; narrow?: boolean }) {
  return (
    <PageFrame header={<LanguageSwitch />} narrow={narrow}>
      {children}
    </PageFrame>
  );
}
