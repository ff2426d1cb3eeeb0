import { ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { api, download } from '../api/client';
import { SelectField, useSearchFilters } from '../components/fields';
import {
  Button,
  Column,
  DataList,
  ErrorAlert,
  Loaded,
  PageHeading,
  SortableTable,
  StatusBadge,
  InvoiceStatusBadge,
  useLoad,
} from '../components/ui';
import { count, currentYear, dateLong, euroCents, yearOptions } from '../format';
import { useMe } from '../session';
import { DocumentDownloads, DownloadProblem, DownloadProblemAlert } from './invoices/downloads';
import {
  DOCUMENT_TYPE_LABELS,
  DocumentPage,
  DocumentTotals,
  DocumentType,
  InvoiceDocument,
  STATUS_OPTIONS,
} from './invoices/types';

const PAGE_SIZE = 50;
const ALL = 'alle';

/** Status of any document type in words: credit notes and allocation statements have no payment status of their own. */
export function DocumentStatusBadge({ doc }: { doc: Pick<InvoiceDocument, 'type' | 'status'> }) {
  if (doc.type === 'CREDIT_NOTE') return <StatusBadge tone="neutral">Verrekend met factuur</StatusBadge>;
  if (doc.type === 'ALLOCATION_STATEMENT') return <StatusBadge tone="valid">Verrekend via gemeentefonds</StatusBadge>;
  return <InvoiceStatusBadge status={doc.status} />;
}

/** Amount with its sign: a credit note lowers what is owed. */
const signed = (doc: InvoiceDocument) => (doc.type === 'CREDIT_NOTE' ? -doc.totalCents : doc.totalCents);

export function InvoicesPage() {
  const me = useMe();
  const [params, set] = useSearchFilters();
  const yearParam = params.get('jaar') ?? String(currentYear());
  const status = params.get('status') ?? '';
  const type = params.get('soort') ?? '';
  const periodYear = params.get('periodejaar') ?? '';
  const year = yearParam === ALL ? undefined : Number(yearParam);
  const key = `${yearParam}|${periodYear}|${status}|${type}`;
  const query = {
    year,
    periodYear: periodYear ? Number(periodYear) : undefined,
    status: status || undefined,
    type: type || undefined,
    limit: PAGE_SIZE,
  };
  const first = useLoad(() => api<DocumentPage>('/invoices', { query: { ...query, page: 1 } }), [key]);
  const [more, setMore] = useState<{ key: string; pages: number; items: InvoiceDocument[] }>({
    key,
    pages: 1,
    items: [],
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [problem, setProblem] = useState<DownloadProblem | null>(null);
  const extra = more.key === key ? more : { key, pages: 1, items: [] };

  const setFilter = (name: string, value: string) => {
    set(name, value);
    setProblem(null);
  };

  const loadMore = async () => {
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api<DocumentPage>('/invoices', { query: { ...query, page: extra.pages + 1 } });
      setMore({ key, pages: extra.pages + 1, items: [...extra.items, ...page.items] });
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  const [exporting, setExporting] = useState(false);
  const exportCsv = async () => {
    if (!year) return;
    setExporting(true);
    setProblem(null);
    try {
      await download('/invoices/export.csv', {
        query: { year },
        accept: 'text/csv',
        fallbackName: `documenten-${year}.csv`,
      });
    } catch (error) {
      setProblem({ message: null, error });
    } finally {
      setExporting(false);
    }
  };

  const municipality = me.organisation.kind === 'MUNICIPALITY';
  const columns: Column<InvoiceDocument>[] = [
    {
      key: 'number',
      header: 'Nummer',
      sortValue: (d) => d.number,
      cell: (d) => (
        <>
          <Link className="utrecht-link nowrap" to={`/facturen/${d.id}`}>
            {d.number}
          </Link>
          <span className="document-type">{DOCUMENT_TYPE_LABELS[d.type] ?? d.type}</span>
        </>
      ),
    },
    municipality
      ? { key: 'party', header: 'Aanbieder', sortValue: (d) => d.supplierName, cell: (d) => d.supplierName }
      : { key: 'party', header: 'Ontvanger', sortValue: (d) => d.customerName, cell: (d) => d.customerName },
    {
      key: 'period',
      header: 'Periode',
      sortValue: (d) => d.period.start,
      cell: (d) => shortPeriod(d.period.start, d.period.end),
    },
    {
      key: 'issueDate',
      header: 'Datum',
      sortValue: (d) => d.issueDate,
      cell: (d) => (
        <>
          <span className="nowrap">{dateLong(d.issueDate)}</span>
          {d.type === 'INVOICE' && d.dueDate ? (
            <span className="document-type">vervalt {dateLong(d.dueDate)}</span>
          ) : null}
        </>
      ),
    },
    {
      key: 'total',
      header: 'Bedrag',
      numeric: true,
      sortValue: (d) => signed(d),
      cell: (d) => <span className="nowrap">{euroCents(signed(d))}</span>,
    },
    {
      key: 'outstanding',
      header: 'Open',
      numeric: true,
      sortValue: (d) => d.outstandingCents,
      cell: (d) => (d.type === 'INVOICE' ? <span className="nowrap">{euroCents(d.outstandingCents)}</span> : '–'),
    },
    { key: 'status', header: 'Status', sortValue: (d) => d.status, cell: (d) => <DocumentStatusBadge doc={d} /> },
    {
      key: 'downloads',
      header: 'Downloaden',
      cell: (d) => <DocumentDownloads doc={d} onError={setProblem} />,
    },
  ];

  return (
    <>
      <PageHeading>Facturen</PageHeading>
      <p className="utrecht-paragraph">
        {municipality
          ? `Facturen, creditnota's en opgaven van de uitname uit het gemeentefonds voor ${me.organisation.name}.`
          : me.organisation.kind === 'PROVIDER'
            ? `Facturen en creditnota's die ${me.organisation.name} heeft verstuurd.`
            : "Facturen, creditnota's en opgaven van de contracten die u kunt zien."}
      </p>
      <form className="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Jaar van de factuurdatum"
          value={yearParam}
          onChange={(value) => setFilter('jaar', value)}
          options={[[ALL, 'Alle jaren'], ...yearOptions()]}
        />
        <SelectField
          label="Jaar van de periode"
          description="Het jaar waarover gefactureerd is (de facturen over 2025 zijn in 2026 gemaakt)."
          value={periodYear}
          onChange={(value) => setFilter('periodejaar', value)}
          placeholder="Alle perioden"
          options={yearOptions()}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(value) => setFilter('status', value)}
          placeholder="Alle statussen"
          options={STATUS_OPTIONS}
        />
        <SelectField
          label="Soort"
          value={type}
          onChange={(value) => setFilter('soort', value)}
          placeholder="Alle soorten"
          options={Object.entries(DOCUMENT_TYPE_LABELS)}
        />
      </form>
      <DownloadProblemAlert problem={problem} />
      <Loaded state={first} label="De facturen worden geladen…">
        {(page) => {
          const items = [...page.items, ...extra.items];
          const filtered = `${describeFilters(yearParam, status, type)}${periodYear ? `, over ${periodYear}` : ''}`;
          if (page.total === 0) {
            return (
              <p role="status" className="utrecht-paragraph">
                Er zijn geen documenten {filtered}.
              </p>
            );
          }
          const complete = items.length >= page.total;
          return (
            <>
              <p role="status" className="utrecht-paragraph">
                {page.total === 1 ? '1 document' : `${count(page.total)} documenten`} {filtered}
                {complete ? '.' : `; de eerste ${count(items.length)} staan hieronder.`}
              </p>
              <Totals totals={page.totals} />
              {year ? (
                <div className="actions">
                  <Button variant="subtle" busy={exporting} onClick={() => void exportCsv()}>
                    Alle documenten van {year} exporteren (CSV)
                  </Button>
                </div>
              ) : null}
              <div className="invoice-list">
                <SortableTable caption={`Documenten ${filtered}`} columns={columns} rows={items} rowKey={(d) => d.id} />
              </div>
              {moreError ? <ErrorAlert error={moreError} /> : null}
              {!complete ? (
                <div className="actions">
                  <Button variant="secondary" busy={loadingMore} onClick={() => void loadMore()}>
                    Meer laden ({count(Math.min(PAGE_SIZE, page.total - items.length))} van de{' '}
                    {count(page.total - items.length)} resterende)
                  </Button>
                </div>
              ) : null}
            </>
          );
        }}
      </Loaded>
    </>
  );
}

/** A whole calendar year as "2025"; otherwise "1 juli 2025 t/m 31 december 2025". */
function shortPeriod(start: string, end: string): string {
  if (start.slice(0, 4) === end.slice(0, 4) && start.endsWith('-01-01') && end.endsWith('-12-31'))
    return `heel ${start.slice(0, 4)}`;
  return `${dateLong(start)} t/m ${dateLong(end)}`;
}

function describeFilters(year: string, status: string, type: string): string {
  const parts = [year === ALL ? 'in alle jaren' : `uit ${year}`];
  if (status)
    parts.push(`met status ${STATUS_OPTIONS.find(([value]) => value === status)?.[1].toLowerCase() ?? status}`);
  if (type) parts.push(`van de soort ${DOCUMENT_TYPE_LABELS[type as DocumentType]?.toLowerCase() ?? type}`);
  return parts.join(', ');
}

function Totals({ totals }: { totals: DocumentTotals }) {
  const rows: Array<[string, ReactNode]> = [
    ["Gefactureerd (na creditnota's)", euroCents(totals.netInvoicedCents)],
    ['Betaald', euroCents(totals.paidCents)],
    ['Openstaand', euroCents(totals.outstandingCents)],
    ...(totals.allocatedCents
      ? [['Verrekend via gemeentefonds', euroCents(totals.allocatedCents)] as [string, ReactNode]]
      : []),
  ];
  return (
    <section className="invoice-totals" aria-labelledby="invoice-totals-heading">
      <h2 id="invoice-totals-heading" className="utrecht-heading-2">
        Totalen
      </h2>
      <div className="key-values">
        <DataList items={rows} />
      </div>
      <p className="utrecht-paragraph invoice-totals__note">
        Over alle documenten van deze selectie, ook die nog niet geladen zijn. Bedragen inclusief btw.
      </p>
    </section>
  );
}
