/**
 * Server-side lists (the API's one list convention: `?sort=field` / `?sort=-field`, `?q=`, `?page=&limit=`)
 * with their state in the page's URL, so that a list can be linked to and back/forward work.
 *
 *   const list = useListParams({ sort: '-issueDate', limit: 50, status: '' as InvoiceStatus | '' });
 *   const invoices = $api.useQuery('get', '/api/v1/invoices', { params: { query: queryOf(list.params) } });
 *   <SearchForm list={list} label="Zoek op gemeente of factuurnummer" />
 *   <ResultCount total={invoices.data?.total} one="factuur" many="facturen" />
 *   <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="invoices-caption">
 *     <table className="utrecht-table portal-table portal-table--cards">
 *       <caption id="invoices-caption" className="utrecht-table__caption">Facturen</caption>
 *       <thead className="utrecht-table__header"><tr className="utrecht-table__row">
 *         <SortableHeader list={list} field="number" label="Factuurnummer" />
 *         <SortableHeader list={list} field="totalCents" label="Bedrag" numeric />
 *       </tr></thead>
 *       <tbody className="utrecht-table__body">{rows: <RowHeader>…</RowHeader><Cell label="Bedrag" numeric>…</Cell>}</tbody>
 *     </table>
 *   </div>
 *   <Pagination list={list} total={invoices.data?.total} />
 *
 * `set({ sort })`, `set({ q })` or a filter goes back to page 1; values equal to the default stay out of
 * the URL. Sorting: a first click sorts text A to Z (ascending) and amounts and dates (`numeric` or
 * `descendingFirst`) largest or newest first (descending); a second click reverses.
 * Responsive tables: `portal-table--cards` turns each row into a card under 40rem (each cell's
 * `data-label` before its value; see styles.css "Responsive tables"). `CardTable` writes that markup
 * for rows already in memory (a report); it also gives each element its table role explicitly,
 * because a table shown as blocks loses its table semantics in some browsers.
 */
import { FormEvent, Fragment, ReactNode, useCallback, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { count, plural } from '../format';
import { Button } from './ui';

interface BaseParams {
  sort: string;
  q: string;
  page: number;
  limit: number;
}

type ListDefaults = Partial<BaseParams> & Record<string, string | number>;

/** The list's state: sort, q, page, limit and the page's own filters (typed as their defaults). */
export type ListParams<D extends ListDefaults> = BaseParams & Omit<D, keyof BaseParams>;

export interface ListState<D extends ListDefaults> {
  params: ListParams<D>;
  /** Changes the state (a new history entry); anything but `page` also goes back to page 1. */
  set: (patch: Partial<ListParams<D>>) => void;
  /** The address (`?…`) of the list with this change, for real links (pagination). */
  hrefFor: (patch: Partial<ListParams<D>>) => string;
}

/** The page size of the API when none is asked for (PageQuery). */
export const DEFAULT_LIMIT = 50;

function toSearch(values: Record<string, string | number>, defaults: Record<string, string | number>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== '' && String(value) !== String(defaults[key])) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '?';
}

/** A list's state read from and written to the URL's search parameters (see the header). */
export function useListParams<D extends ListDefaults>(given: D): ListState<D> {
  const [search, setSearch] = useSearchParams();
  // The caller's object literal is new on every render: key the defaults on their content.
  const key = JSON.stringify(given);
  const defaults = useMemo(
    (): Record<string, string | number> => ({
      sort: '',
      q: '',
      page: 1,
      limit: DEFAULT_LIMIT,
      ...(JSON.parse(key) as D),
    }),
    [key],
  );
  const params = useMemo(() => {
    const values: Record<string, string | number> = {};
    for (const [name, fallback] of Object.entries(defaults)) {
      const raw = search.get(name);
      if (raw === null) values[name] = fallback;
      else if (typeof fallback === 'number') {
        const number = Number(raw);
        values[name] = Number.isInteger(number) && number >= 1 ? number : fallback;
      } else values[name] = raw;
    }
    return values as ListParams<D>;
  }, [search, defaults]);
  const next = useCallback(
    (patch: Partial<ListParams<D>>) => {
      const merged: Record<string, string | number> = { ...params, ...(patch as Record<string, string | number>) };
      if (!('page' in patch)) merged.page = 1;
      return merged;
    },
    [params],
  );
  const hrefFor = useCallback((patch: Partial<ListParams<D>>) => toSearch(next(patch), defaults), [next, defaults]);
  const set = useCallback(
    (patch: Partial<ListParams<D>>) => setSearch(new URLSearchParams(toSearch(next(patch), defaults).slice(1))),
    [next, defaults, setSearch],
  );
  return { params, set, hrefFor };
}

/** The query for `$api.useQuery`: the list's state without empty values (`?status=` is not "all"). */
export function queryOf<P extends object>(params: P): { [K in keyof P]?: Exclude<P[K], ''> } {
  const query: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) if (value !== '' && value !== undefined) query[name] = value;
  return query as { [K in keyof P]?: Exclude<P[K], ''> };
}

type AnyList = ListState<ListDefaults>;

/**
 * A column header that sorts the list on the server: a `th` with `aria-sort` and a button.
 * Text sorts A to Z first; `numeric` (amounts) or `descendingFirst` (dates) sort highest/newest first.
 */
export function SortableHeader<D extends ListDefaults>({
  list,
  field,
  label,
  numeric,
  descendingFirst,
}: {
  list: ListState<D>;
  field: string;
  label: string;
  numeric?: boolean;
  descendingFirst?: boolean;
}) {
  const { sort } = (list as unknown as AnyList).params;
  const current = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : null;
  const firstDescending = numeric || descendingFirst;
  const nextSort =
    current === 'ascending' ? `-${field}` : current === 'descending' ? field : firstDescending ? `-${field}` : field;
  return (
    <th
      scope="col"
      aria-sort={current ?? 'none'}
      className={`utrecht-table__header-cell${numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => (list as unknown as AnyList).set({ sort: nextSort })}
      >
        {label}
        <span aria-hidden="true">{current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : ' ↕'}</span>
      </button>
    </th>
  );
}

/** A column header that does not sort (see SortableHeader); `numeric` aligns it with the amounts below. */
export function HeaderCell({ numeric, children }: { numeric?: boolean; children: ReactNode }) {
  return (
    <th
      scope="col"
      className={`utrecht-table__header-cell${numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}
    >
      {children}
    </th>
  );
}

/** The first cell of a row, naming it: a row header, so a screen reader says the name with each cell. */
export function RowHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className="utrecht-table__header-cell">
      {children}
    </th>
  );
}

/**
 * A cell of a `portal-table--cards` table: `label` (its column's header) stands before the value when
 * the row becomes a card; `numeric` aligns amounts right; `className` adds to the cell's own classes.
 */
export function Cell({
  label,
  numeric,
  className,
  children,
}: {
  label: string;
  numeric?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const classes = ['utrecht-table__cell', numeric ? 'utrecht-table__cell--numeric-column' : '', className ?? ''];
  return (
    <td className={classes.filter(Boolean).join(' ')} data-label={label}>
      {children}
    </td>
  );
}

/** The page numbers to show: the first, the last, and two either side of the current one (null: a gap). */
export function pageWindow(page: number, pages: number): Array<number | null> {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const result: Array<number | null> = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1] > 1) result.push(null);
    result.push(n);
  });
  return result;
}

/** "Pagina 2 van 7" with previous, next and numbered links (real links); nothing when it all fits on one page. */
export function Pagination<D extends ListDefaults>({
  list,
  total,
}: {
  list: ListState<D>;
  total: number | null | undefined;
}) {
  const { params, hrefFor } = list as unknown as AnyList;
  if (total === null || total === undefined) return null;
  const pages = Math.max(1, Math.ceil(total / params.limit));
  if (pages <= 1) return null;
  const page = Math.min(params.page, pages);
  return (
    <nav className="utrecht-pagination portal-pagination" aria-label="Paginering">
      <p className="utrecht-paragraph portal-pagination__status">
        Pagina {count(page)} van {count(pages)}
      </p>
      <ul className="portal-pagination__list">
        {page > 1 ? (
          <li>
            <Link
              className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev"
              rel="prev"
              to={hrefFor({ page: page - 1 })}
            >
              <span aria-hidden="true">‹ </span>Vorige<span className="visually-hidden"> pagina</span>
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pages).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="portal-pagination__gap">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                className={`utrecht-pagination__page-link${n === page ? ' utrecht-pagination__page-link--current' : ''}`}
                to={hrefFor({ page: n })}
                aria-current={n === page ? 'page' : undefined}
              >
                <span className="visually-hidden">Pagina </span>
                {count(n)}
              </Link>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <Link
              className="utrecht-pagination__relative-link utrecht-pagination__relative-link--next"
              rel="next"
              to={hrefFor({ page: page + 1 })}
            >
              Volgende<span className="visually-hidden"> pagina</span>
              <span aria-hidden="true"> ›</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** A search box with a visible label and a button; submitting sets `q` (an empty box clears the search). */
export function SearchForm<D extends ListDefaults>({
  list,
  label,
  button = 'Zoeken',
}: {
  list: ListState<D>;
  label: string;
  button?: string;
}) {
  const { params, set } = list as unknown as AnyList;
  const id = useId();
  // The box follows the URL (back/forward) until the user types.
  const [typed, setTyped] = useState<{ for: string; value: string } | null>(null);
  const value = typed && typed.for === params.q ? typed.value : params.q;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set({ q: value.trim() });
    setTyped(null);
  };
  return (
    <form role="search" className="portal-search" onSubmit={submit} aria-label={label}>
      <div className="utrecht-form-field utrecht-form-field--text">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor={id}>
            {label}
          </label>
        </div>
        <div className="portal-search__row">
          <input
            id={id}
            type="search"
            name="q"
            maxLength={100}
            className="utrecht-textbox utrecht-textbox--html-input portal-search__input"
            value={value}
            onChange={(event) => setTyped({ for: params.q, value: event.target.value })}
          />
          <Button type="submit" variant="secondary">
            {button}
          </Button>
          {params.q ? (
            <Button
              variant="subtle"
              onClick={() => {
                setTyped(null);
                set({ q: '' });
              }}
            >
              Wis zoekopdracht<span className="visually-hidden"> “{params.q}”</span>
            </Button>
          ) : null}
        </div>
      </div>
    </form>
  );
}

/** "338 facturen" / "1 factuur" in a polite live region (announced when a search or filter changes it). */
export function ResultCount({
  total,
  one,
  many,
  children,
}: {
  total: number | null | undefined;
  one: string;
  many: string;
  /** Said after the count ("voor 'assen'"). */
  children?: ReactNode;
}) {
  return (
    <p className="utrecht-paragraph portal-result-count" aria-live="polite">
      {total === null || total === undefined ? null : (
        <>
          {plural(total, one, many)}
          {children ? <> {children}</> : null}
        </>
      )}
    </p>
  );
}

export interface CardColumn<T> {
  key: string;
  /** The column header, and the label before the value when the row is a card. */
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  /** A header given by the caller (a `SortableHeader`) instead of plain text. */
  th?: ReactNode;
}

/**
 * A table that scrolls inside a focusable region when wide and turns into cards under 40rem.
 * `empty` is said instead of the table when there are no rows.
 */
export function CardTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  wide,
}: {
  caption: string;
  columns: CardColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty?: string;
  /** Many columns: at least 48rem wide (scrolls sideways) until the cards take over. */
  wide?: boolean;
}) {
  const captionId = useId();
  if (empty !== undefined && rows.length === 0) return <p className="utrecht-paragraph">{empty}</p>;
  return (
    <div className={`table-scroll${wide ? ' wide-table' : ''}`} tabIndex={0} role="region" aria-labelledby={captionId}>
      <table role="table" className="utrecht-table portal-table portal-table--cards">
        <caption id={captionId} className="utrecht-table__caption">
          {caption}
        </caption>
        <thead role="rowgroup" className="utrecht-table__header">
          <tr role="row" className="utrecht-table__row">
            {columns.map((column) =>
              column.th ? (
                <Fragment key={column.key}>{column.th}</Fragment>
              ) : (
                <th
                  key={column.key}
                  role="columnheader"
                  scope="col"
                  className={`utrecht-table__header-cell${column.numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}
                >
                  {column.header}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody role="rowgroup" className="utrecht-table__body">
          {rows.map((row) => (
            <tr role="row" key={rowKey(row)} className="utrecht-table__row">
              {columns.map((column) => (
                <td
                  role="cell"
                  key={column.key}
                  data-label={column.header}
                  className={`utrecht-table__cell${column.numeric ? ' utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data' : ''}`}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
