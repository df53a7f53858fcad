import type { ReactNode } from 'react';

export interface Fact {
  term: ReactNode;
  detail: ReactNode;
  /** Takes the whole row (e.g. a list of people). */
  wide?: boolean;
}

/**
 * Facts about a case or an item as term and detail, laid out the same everywhere: `item-facts` in a
 * line under an item's title, `facts` as the case's header grid. `false` leaves a fact out.
 */
export function Facts({ facts, className = 'item-facts' }: { facts: readonly (Fact | false)[]; className?: string }) {
  return (
    <dl className={className}>
      {facts.map(
        (fact, index) =>
          fact && (
            <div key={index} className={fact.wide ? `${className}__wide` : undefined}>
              <dt>{fact.term}</dt>
              <dd>{fact.detail}</dd>
            </div>
          ),
      )}
    </dl>
  );
}
