/**
 * Shared page parts on the NL Design System React components (the Rijkshuisstijl community's
 * package, which re-exports the Utrecht components): Alert, Button, tables, data lists. Headings and
 * paragraphs keep the utrecht-* classes (the community's own Heading and Paragraph need CSS the
 * portal does not load). Lists with sorting and paging: see lists.tsx; check-and-confirm: check-answers.tsx.
 */
import {
  Alert as NldsAlert,
  Button as NldsButton,
  FormFieldErrorMessage,
  FormSummary,
  FormSummaryItem,
  FormSummaryKey,
  FormSummaryValue,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableRow,
} from '@rijkshuisstijl-community/components-react';
import { ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { download, Query } from '../api/client';
import { ApiError, messageOf } from '../api/errors';

let firstPageShown = false;

/**
 * Sets the document title and, after navigating within the portal, moves focus to the page's
 * heading so screen readers hear where they are. The first page of a visit keeps the browser's
 * own start, so the skip link is the first thing Tab reaches.
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const text = title ?? (typeof children === 'string' ? children : 'Luisterend oor');
  useEffect(() => {
    document.title = `${text} · Luisterend oor`;
  }, [text]);
  // Once per heading shown (pages remount on navigation), not on every re-render of the page.
  useEffect(() => {
    if (firstPageShown) ref.current?.focus();
    firstPageShown = true;
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="utrecht-heading-1 page-heading">
      {children}
    </h1>
  );
}

export function Loading({ label = 'Gegevens worden geladen…' }: { label?: string }) {
  return (
    <p role="status" className="utrecht-paragraph loading">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export type AlertType = 'info' | 'ok' | 'warning' | 'error';
const ALERT_LABELS: Record<AlertType, string> = { info: 'Informatie', ok: 'Gelukt', warning: 'Let op', error: 'Fout' };

export function Alert({ type, children, heading }: { type: AlertType; children: ReactNode; heading?: string }) {
  // The design system's alert: an icon, and role="alert" (error, warning) or role="status" on the message.
  return (
    <NldsAlert type={type}>
      <p className="utrecht-paragraph">
        <strong>{heading ?? ALERT_LABELS[type]}: </strong>
        {children}
      </p>
    </NldsAlert>
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert type="error">
      {messageOf(error)}
      {requestId ? <span className="request-id"> (foutnummer {requestId})</span> : null}
    </Alert>
  );
}

export type BadgeTone = 'valid' | 'warning' | 'invalid' | 'neutral';
const BADGE_SYMBOLS: Record<BadgeTone, string> = { valid: '✓', warning: '!', invalid: '✕', neutral: '•' };

/** A status as a word and a symbol (never colour alone). */
export function StatusBadge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return (
    <span className={`utrecht-status-badge utrecht-status-badge--${tone} status-badge`}>
      <span aria-hidden="true">{BADGE_SYMBOLS[tone]} </span>
      {children}
    </span>
  );
}

export const COMPLIANCE_LABELS: BadgeLabels = {
  COMPLIANT: { label: 'Voldaan', tone: 'valid' },
  AT_RISK: { label: 'Risico', tone: 'warning' },
  NON_COMPLIANT: { label: 'Niet voldaan', tone: 'invalid' },
};

/** Labels of an enumeration: a Dutch word and a badge tone per value. */
export type BadgeLabels = Record<string, { label: string; tone: BadgeTone }>;

/** The label of a value, or the value itself (neutral) when the portal does not know it yet. */
export function badgeLabel(labels: BadgeLabels, value: string): { label: string; tone: BadgeTone } {
  return labels[value] ?? { label: value, tone: 'neutral' };
}

/** A status from an enumeration as a badge (word and symbol). */
export function LabelledBadge({ labels, value }: { labels: BadgeLabels; value: string }) {
  const { label, tone } = badgeLabel(labels, value);
  return <StatusBadge tone={tone}>{label}</StatusBadge>;
}

export function ComplianceBadge({ status }: { status: string }) {
  return <LabelledBadge labels={COMPLIANCE_LABELS} value={status} />;
}

export const INVOICE_STATUS_LABELS: BadgeLabels = {
  OPEN: { label: 'Openstaand', tone: 'neutral' },
  PARTIALLY_PAID: { label: 'Deels betaald', tone: 'warning' },
  PAID: { label: 'Betaald', tone: 'valid' },
  OVERDUE: { label: 'Vervallen', tone: 'invalid' },
  CREDITED: { label: 'Gecrediteerd', tone: 'neutral' },
  SETTLED_VIA_FUND: { label: 'Verrekend via gemeentefonds', tone: 'valid' },
};

export function InvoiceStatusBadge({ status }: { status: string }) {
  return <LabelledBadge labels={INVOICE_STATUS_LABELS} value={status} />;
}

/** A labelled form field with its description and error message wired for assistive technology. */
export function Field({
  id: givenId,
  label,
  error,
  description,
  children,
}: {
  /** The input's id, when the form links to it (an error summary); generated otherwise. */
  id?: string;
  label: string;
  error?: string;
  description?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const describedBy =
    [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <FormFieldErrorMessage className="utrecht-form-field__error-message" id={`${id}-error`}>
          <span aria-hidden="true">✕ </span>
          {error}
        </FormFieldErrorMessage>
      ) : null}
      <div className="utrecht-form-field__input">
        {children({
          id,
          ...(error ? { 'aria-invalid': true as const } : {}),
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        })}
      </div>
    </div>
  );
}

const BUTTON_APPEARANCES = {
  primary: 'primary-action-button',
  secondary: 'secondary-action-button',
  subtle: 'subtle-button',
} as const;

/** The design system's button; `type="button"` unless said otherwise, disabled and aria-busy while busy. */
export function Button({
  children,
  variant = 'primary',
  busy,
  ...props
}: { variant?: 'primary' | 'secondary' | 'subtle'; busy?: boolean } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <NldsButton
      type="button"
      {...props}
      appearance={BUTTON_APPEARANCES[variant]}
      busy={busy || undefined}
      disabled={props.disabled || busy}
    >
      {children}
    </NldsButton>
  );
}

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Value to sort on; without it the column is not sortable. */
  sortValue?: (row: T) => string | number;
  numeric?: boolean;
}

/**
 * A small table loaded whole (one invoice's lines, a contract's differences) whose sortable headers
 * are buttons and announce their order (aria-sort). A list that can grow sorts on the server
 * instead: `useListParams` with `SortableHeader` (lists.tsx).
 */
export function SortableTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  empty,
  frame,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  initialSort?: { key: string; direction: 'ascending' | 'descending' };
  /** Said instead of the table when there are no rows. */
  empty?: string;
  /** The class of a box around the table (`wide-table`). */
  frame?: string;
}) {
  const [sort, setSort] = useState(initialSort ?? null);
  const column = sort ? columns.find((candidate) => candidate.key === sort.key) : undefined;
  const sorted = column?.sortValue
    ? [...rows].sort((a, b) => {
        const x = column.sortValue!(a);
        const y = column.sortValue!(b);
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'nl');
        return sort!.direction === 'ascending' ? order : -order;
      })
    : rows;
  if (empty !== undefined && rows.length === 0) return <p className="utrecht-paragraph">{empty}</p>;
  const table = (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((col) => (
              <th
                key={col.key}
                scope="col"
                className={`utrecht-table__header-cell${col.numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}
                aria-sort={sort?.key === col.key ? sort.direction : col.sortValue ? 'none' : undefined}
              >
                {col.sortValue ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() =>
                      setSort({
                        key: col.key,
                        direction: sort?.key === col.key && sort.direction === 'ascending' ? 'descending' : 'ascending',
                      })
                    }
                  >
                    {col.header}
                    <span aria-hidden="true">
                      {sort?.key === col.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                    </span>
                  </button>
                ) : (
                  col.header
                )}
              </th>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((row) => (
            <TableRow key={rowKey(row)}>
              {columns.map((col) => (
                <TableCell
                  key={col.key}
                  className={
                    col.numeric ? 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data' : undefined
                  }
                >
                  {col.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
  return frame ? <div className={frame}>{table}</div> : table;
}

/** A part of a page under its own heading (h2), named by it for assistive technology. */
export function Section({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className ? `contract-section ${className}` : 'contract-section'} aria-labelledby={id}>
      <h2 id={id} className="utrecht-heading-2">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Key-value pairs (utrecht data list). */
export function DataList({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <FormSummary className="utrecht-data-list--rows portal-data-list">
      {items.map(([key, value]) => (
        <FormSummaryItem key={key}>
          <FormSummaryKey>{key}</FormSummaryKey>
          <FormSummaryValue>{value}</FormSummaryValue>
        </FormSummaryItem>
      ))}
    </FormSummary>
  );
}

/** A file download behind a button: whether it is busy, its error, and `start` (see api/client `download`; `path` after /api/v1). */
export function useDownload(): {
  busy: boolean;
  error: unknown;
  start: (path: string, options: { query?: Query; accept?: string; fallbackName: string }) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const start = useCallback(async (path: string, options: { query?: Query; accept?: string; fallbackName: string }) => {
    setBusy(true);
    setError(null);
    try {
      await download(path, options);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, start };
}
