import { ReactNode, useState } from 'react';
import { $api } from '../api/client';
import type { components, operations } from '../api/schema';
import { ExportLinks } from '../components/ExportLinks';
import { SelectField } from '../components/fields';
import { Pagination, ResultCount, SearchForm, useListParams } from '../components/lists';
import { DataList, ErrorAlert, Loading, PageHeading } from '../components/ui';
import { currentYear, euroCents, yearOptions } from '../format';
import { useMe } from '../session';
import { DOCUMENT_SORTS, DocumentsTable, SortSelect } from './invoices/DocumentsTable';
import { DownloadProblem, DownloadProblemAlert } from './invoices/downloads';
import { DOCUMENT_TYPE_LABELS, DocumentType, STATUS_OPTIONS } from './invoices/types';
import { YearBars } from './invoices/YearBars';

export { DocumentStatusBadge } from './invoices/DocumentsTable';

type DocumentQuery = NonNullable<operations['InvoicingController_list']['parameters']['query']>;
type DocumentTotals = components['schemas']['DocumentListTotalsDto'];

const PAGE_SIZE = 50;
const ALL = 'alle';

/**
 * Facturen: every document the caller may see, sorted, searched, filtered and paged on the server
 * (all of it in the address, so a list can be linked to), with the totals of the selection and
 * the paid / open / overdue bars per year.
 */
export function InvoicesPage() {
  const me = useMe();
  const list = useListParams({
    sort: '-issueDate',
    limit: PAGE_SIZE,
    jaar: String(currentYear()),
    periodejaar: '',
    status: '',
    soort: '',
  });
  const { jaar, periodejaar, status, soort, q, sort, page, limit } = list.params;
  const year = jaar === ALL ? undefined : Number(jaar) || undefined;
  const filters = {
    periodYear: periodejaar ? Number(periodejaar) : undefined,
    status: (status || undefined) as DocumentQuery['status'],
    type: (soort || undefined) as DocumentQuery['type'],
    q: q || undefined,
  };
  const documents = $api.useQuery('get', '/api/v1/invoices', {
    params: { query: { ...filters, year, sort: sort as DocumentQuery['sort'], page, limit } },
  });
  // The bars compare years: every year of the selection, whatever the issue year chosen for the list.
  const summary = $api.useQuery('get', '/api/v1/invoices/summary', { params: { query: filters } });
  const [problem, setProblem] = useState<DownloadProblem | null>(null);

  const municipality = me.organisation.kind === 'MUNICIPALITY';
  const selection = describeFilters(jaar, periodejaar, status, soort);
  const data = documents.data;
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
      <SearchForm list={list} label="Zoek op gemeente, code of factuurnummer" />
      <form className="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Jaar van de factuurdatum"
          value={jaar}
          onChange={(value) => list.set({ jaar: value })}
          options={[[ALL, 'Alle jaren'], ...yearOptions()]}
        />
        <SelectField
          label="Jaar van de periode"
          description="Het jaar waarover gefactureerd is (de facturen over 2025 zijn in 2026 gemaakt)."
          value={periodejaar}
          onChange={(value) => list.set({ periodejaar: value })}
          placeholder="Alle perioden"
          options={yearOptions()}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(value) => list.set({ status: value })}
          placeholder="Alle statussen"
          options={STATUS_OPTIONS}
        />
        <SelectField
          label="Soort"
          value={soort}
          onChange={(value) => list.set({ soort: value })}
          placeholder="Alle soorten"
          options={Object.entries(DOCUMENT_TYPE_LABELS)}
        />
      </form>
      <DownloadProblemAlert problem={problem} />
      <ResultCount total={data?.total} one="document" many="documenten">
        {`${selection}${q ? ` met “${q}”` : ''}.`}
      </ResultCount>
      {documents.isPending ? <Loading label="De facturen worden geladen…" /> : null}
      {documents.error ? <ErrorAlert error={documents.error} /> : null}
      {data ? (
        <>
          {data.total === 0 ? (
            <p className="utrecht-paragraph">
              Er zijn geen documenten {selection}
              {q ? ` met “${q}”` : ''}.
            </p>
          ) : null}
          {data.total > 0 ? <Totals totals={data.totals} /> : null}
          <ExportLinks
            path="/invoices/export"
            query={{ ...filters, year, sort }}
            fallbackName={year ? `facturen-${year}` : 'facturen'}
          />
          {data.items.length > 0 ? <SortSelect list={list} options={DOCUMENT_SORTS} /> : null}
          {data.items.length > 0 ? (
            <DocumentsTable
              list={list}
              items={data.items}
              caption={`Documenten ${selection}${q ? ` met “${q}”` : ''}`}
              party={municipality ? 'supplier' : 'customer'}
              onDownloadError={setProblem}
            />
          ) : null}
          <Pagination list={list} total={data.total} />
          {summary.data ? <YearBars years={summary.data.years} /> : null}
          {summary.error ? <ErrorAlert error={summary.error} /> : null}
        </>
      ) : null}
    </>
  );
}

function describeFilters(year: string, periodYear: string, status: string, type: string): string {
  const parts = [year === ALL ? 'in alle jaren' : `uit ${year}`];
  if (periodYear) parts.push(`over ${periodYear}`);
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
        Over alle documenten van deze selectie, op alle pagina&apos;s. Bedragen inclusief btw.
      </p>
    </section>
  );
}
