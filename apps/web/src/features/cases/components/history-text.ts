import { Discipline, EffortStatus } from '@tvaers/contracts';
import type { PlanVersion } from '@tvaers/contracts';
import type { TFunction } from 'i18next';
import { daPages } from '@web/shared/i18n/locales/da-pages';
import type { Translation } from '@web/shared/i18n/locales/da';
import type { Formatters } from '@web/shared/lib/format';
import { isEffortType } from '../labels';

type Change = PlanVersion['changes'][number];

export interface HistoryContext {
  t: TFunction;
  format: Formatters;
  /** Current effort titles by id (efforts that still exist and the reader may see). */
  effortTitles: Map<string, string>;
  staffNames: Map<string, string>;
}

// The fields the history has words for: the keys of its translations, so a new one needs no code.
const isHistoryField = (field: string): field is keyof Translation['history']['fields'] =>
  Object.hasOwn(daPages.history.fields, field);

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
const maxTextLength = 140;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quote(text: string): string {
  const short = text.length > maxTextLength ? `${text.slice(0, maxTextLength - 1)}…` : text;
  return `»${short}«`;
}

function contactPlanText(value: Record<string, unknown>, ctx: HistoryContext): string {
  const days = typeof value['intervalDays'] === 'number' ? value['intervalDays'] : null;
  const reason = typeof value['reason'] === 'string' ? value['reason'] : '';
  const every = days === null ? '' : ctx.t('plan.contactPlan.every', { count: days });
  return [every, reason && quote(reason)].filter(Boolean).join(' – ');
}

/** A value from the history in words: effort types and statuses by their Danish names, dates formatted. */
function valueText(field: string, value: unknown, ctx: HistoryContext): string {
  const { t, format } = ctx;
  if (value === null || value === undefined || value === '') return t('history.emptyValue');
  if (typeof value === 'string') {
    const status = EffortStatus.safeParse(value);
    if (field === 'status' && status.success) return t(`effortStatuses.${status.data}`);
    if (field === 'type' && isEffortType(value)) return t(`effortTypes.${value}`);
    const discipline = Discipline.safeParse(value);
    if (field === 'discipline' && discipline.success) return t(`efforts.groups.${discipline.data}`);
    if (field === 'ownerId') return ctx.staffNames.get(value) ?? t('history.unknownPerson');
    if (isoDatePattern.test(value)) return format.date(value);
    return quote(value);
  }
  if (typeof value === 'number') return format.number(value);
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
  if (isRecord(value) && field === 'contactPlan') return contactPlanText(value, ctx);
  return quote(JSON.stringify(value));
}

/** A field's name in words: a plan part by its title, any other field as the history calls it. */
function fieldName(field: string, { t }: HistoryContext): string {
  if (field === 'citizenGoal' || field === 'jobGoal' || field === 'contactPlan') return t(`plan.${field}.title`);
  return isHistoryField(field) ? t(`history.fields.${field}`) : field;
}

function plainChange(label: string, field: string, change: Change, ctx: HistoryContext): string {
  const { t } = ctx;
  const from =
    change.from === null || change.from === undefined || change.from === '' ? null : valueText(field, change.from, ctx);
  const to =
    change.to === null || change.to === undefined || change.to === '' ? null : valueText(field, change.to, ctx);
  if (from === null && to !== null) return t('history.set', { field: label, to });
  if (from !== null && to === null) return t('history.cleared', { field: label, from });
  return t('history.changed', {
    field: label,
    from: from ?? t('history.emptyValue'),
    to: to ?? t('history.emptyValue'),
  });
}

function effortTitle(effortId: string, change: Change, ctx: HistoryContext): string {
  const known = ctx.effortTitles.get(effortId);
  if (known) return known;
  for (const value of [change.to, change.from]) {
    if (isRecord(value) && typeof value['title'] === 'string') return value['title'];
  }
  return ctx.t('history.unknownEffort');
}

/**
 * One field-level change in readable Danish. Effort changes are named `efforts.<id>` (a whole effort
 * added or removed) or `efforts.<id>.<field>`.
 */
export function describeChange(change: Change, ctx: HistoryContext): string {
  const { t } = ctx;
  const [head, second, ...rest] = change.field.split('.');

  if (head === 'efforts' && second) {
    const title = effortTitle(second, change, ctx);
    if (rest.length === 0) {
      const added = isRecord(change.to) ? change.to : null;
      if (added && (change.from === null || change.from === undefined)) {
        const type =
          typeof added['type'] === 'string' && isEffortType(added['type']) ? t(`effortTypes.${added['type']}`) : '';
        return type ? t('history.effortAddedWithType', { title, type }) : t('history.effortAdded', { title });
      }
      if (change.to === null || change.to === undefined) return t('history.effortRemoved', { title });
      return t('history.effortChangedWhole', { title });
    }
    const field = rest.join('.');
    return t('history.effortChange', { title, change: plainChange(fieldName(field, ctx), field, change, ctx) });
  }

  if (head === 'contactPlan' && second) {
    return plainChange(
      `${t('plan.contactPlan.title')} (${fieldName(second, ctx).toLocaleLowerCase()})`,
      second,
      change,
      ctx,
    );
  }
  return plainChange(fieldName(change.field, ctx), change.field, change, ctx);
}

/**
 * What one version says: its visible changes, and a note where the API left out changes to health
 * efforts (so a version is never shown as "no changes" when something the user may not see changed).
 */
export function describeVersion(
  version: PlanVersion,
  ctx: HistoryContext,
): { changes: { key: string; text: string }[]; hiddenNote: string | null; empty: string | null } {
  const { t } = ctx;
  const changes = version.changes.map((change, index) => ({
    key: `${change.field}-${index}`,
    text: describeChange(change, ctx),
  }));
  const hiddenNote = version.healthHidden ? t('history.healthHidden') : null;
  let empty: string | null = null;
  if (changes.length === 0 && !hiddenNote) {
    empty = version.version === 1 ? t('history.created') : t('history.noChanges');
  }
  return { changes, hiddenNote, empty };
}
