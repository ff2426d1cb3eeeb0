import './invoices.css';
import { Link } from 'react-router';
import type { components } from '../../api/schema';
import { SelectField } from '../../components/fields';
import { SortableHeader, type ListParams, type ListState } from '../../components/lists';
import { InvoiceStatusBadge, StatusBadge } from '../../components/ui';
import { date, euroCents } from '../../format';
import { DocumentDownloads, DownloadProblem } from './downloads';
import { DOCUMENT_TYPE_LABELS } from './types';

export type ListedDocument = components['schemas']['InvoiceDocumentDto'];

/** Status of any document type in words: credit notes and allocation statements have no payment status of their own. */
export function DocumentStatusBadge({ doc }: { doc: Pick<ListedDocument, 'type' | 'status'> }) {
  if (doc.type === 'CREDIT_NOTE') return <StatusBadge tone="neutral">Verrekend met factuur</StatusBadge>;
  if (doc.type === 'ALLOCATION_STATEMENT') return <StatusBadge tone="valid">Verrekend via gemeentefonds</StatusBadge>;
  return <InvoiceStatusBadge status={doc.status} />;
}

/** Amount with its sign: a credit note lowers what is owed. */
const signed = (doc: ListedDocument) => (doc.type === 'CREDIT_NOTE' ? -doc.totalCents : doc.totalCents);

/**
 * On a phone the table's headers fold away with the cards: the same orders as a select there
 * (hidden on wider screens, where the column headers sort).
 */
export function SortSelect<D extends { sort: string }>({
  list,
  options,
}: {
  list: ListState<D>;
  options: ReadonlyArray<readonly [string, string]>;
}) {
  return (
    <div className="sort-select">
      <SelectField
        label="Sorteren op"
        value={list.params.sort}
        onChange={(value) => list.set({ sort: value } as Partial<ListParams<D>>)}
        options={options}
      />
    </div>
  );
}

/** The document list's orders in words, for SortSelect. */
export const DOCUMENT_SORTS = [
  ['-issueDate', 'Datum, nieuwste eerst'],
  ['issueDate', 'Datum, oudste eerst'],
  ['-totalCents', 'Bedrag, hoogste eerst'],
  ['totalCents', 'Bedrag, laagste eerst'],
  ['-outstandingCents', 'Open, hoogste eerst'],
  ['dueDate', 'Vervaldatum, eerste eerst'],
  ['municipality', 'Ontvanger, A tot Z'],
  ['number', 'Nummer, oplopend'],
  ['-number', 'Nummer, aflopend'],
  ['status', 'Status'],
] as const;

/** A whole calendar year as "heel 2025"; otherwise "01-07-2025 t/m 31-12-2025" (a table: dd-mm-jjjj). */
function shortPeriod(start: string, end: string): string {
  if (start.slice(0, 4) === end.slice(0, 4) && start.endsWith('-01-01') && end.endsWith('-12-31'))
    return `heel ${start.slice(0, 4)}`;
  return `${date(start)} t/m ${date(end)}`;
}

/**
 * A page of documents, sorted on the server by its column headers (the list's `sort`), a card per
 * row on a phone with the downloads always whole. `party` says whose name the second column shows:
 * the supplier (a municipality's own invoices) or the customer (sortable: `municipality`).
 */
export function DocumentsTable<D extends { sort: string }>({
  list,
  items,
  caption,
  party,
  onDownloadError,
}: {
  list: ListState<D>;
  items: ListedDocument[];
  caption: string;
  party: 'supplier' | 'customer';
  onDownloadError: (problem: DownloadProblem | null) => void;
}) {
  const captionId = 'documenten-caption';
  return (
    <div className="table-scroll invoice-list" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="utrecht-table portal-table portal-table--cards">
        <caption id={captionId} className="utrecht-table__caption">
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <SortableHeader list={list} field="number" label="Nummer" />
            {party === 'customer' ? (
              <SortableHeader list={list} field="municipality" label="Ontvanger" />
            ) : (
              <th scope="col" className="utrecht-table__header-cell">
                Aanbieder
              </th>
            )}
            <th scope="col" className="utrecht-table__header-cell">
              Periode
            </th>
            <SortableHeader list={list} field="issueDate" label="Datum" descendingFirst />
            <SortableHeader list={list} field="dueDate" label="Vervalt" descendingFirst />
            <SortableHeader list={list} field="totalCents" label="Bedrag" numeric />
            <SortableHeader list={list} field="outstandingCents" label="Open" numeric />
            <SortableHeader list={list} field="status" label="Status" />
            <th scope="col" className="utrecht-table__header-cell">
              Downloaden
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {items.map((d) => (
            <tr key={d.id} className="utrecht-table__row">
              <td className="utrecht-table__cell" data-label="Nummer">
                <span>
                  <Link className="utrecht-link nowrap" to={`/facturen/${d.id}`}>
                    {d.number}
                  </Link>
                  <span className="document-type">{DOCUMENT_TYPE_LABELS[d.type] ?? d.type}</span>
                </span>
              </td>
              <td className="utrecht-table__cell" data-label={party === 'customer' ? 'Ontvanger' : 'Aanbieder'}>
                {party === 'customer' ? d.customerName : d.supplierName}
              </td>
              <td className="utrecht-table__cell" data-label="Periode">
                {shortPeriod(d.period.start, d.period.end)}
              </td>
              <td className="utrecht-table__cell nowrap" data-label="Datum">
                {date(d.issueDate)}
              </td>
              <td className="utrecht-table__cell nowrap" data-label="Vervalt">
                {d.type === 'INVOICE' ? date(d.dueDate) : '-'}
              </td>
              <td
                className="utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data nowrap"
                data-label="Bedrag"
              >
                {euroCents(signed(d))}
              </td>
              <td
                className="utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data nowrap"
                data-label="Open"
              >
                {d.type === 'INVOICE' ? euroCents(d.outstandingCents) : '-'}
              </td>
              <td className="utrecht-table__cell" data-label="Status">
                <DocumentStatusBadge doc={d} />
              </td>
              <td className="utrecht-table__cell">
                <DocumentDownloads doc={d} onError={onDownloadError} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
