import { Link } from 'react-router';
import { $api } from '../../api/client';
import type { components, operations } from '../../api/schema';
import { SelectField } from '../../components/fields';
import { Pagination, ResultCount, SortableHeader, useListParams } from '../../components/lists';
import { SortSelect } from './DocumentsTable';
import { badgeLabel, ErrorAlert, Loading, PageHeading, StatusBadge } from '../../components/ui';
import { count, date, euroCents, yearOptions } from '../../format';
import { RUN_STATUS } from '../contracts/labels';
import './invoices.css';

type ListedRun = components['schemas']['InvoiceRunListItemDto'];
type RunKind = ListedRun['kind'];
type RunQuery = NonNullable<operations['InvoicingController_listRuns']['parameters']['query']>;

export const RUN_KIND_LABELS: Record<RunKind, string> = {
  INVOICE: 'Factuurronde',
  CORRECTION: 'Correctierun',
};

const PAGE_SIZE = 25;

const RUN_SORTS = [
  ['-createdAt', 'Gestart, nieuwste eerst'],
  ['createdAt', 'Gestart, oudste eerst'],
  ['-periodStart', 'Periode, nieuwste eerst'],
  ['periodStart', 'Periode, oudste eerst'],
  ['-totalCents', 'Totaal, hoogste eerst'],
  ['totalCents', 'Totaal, laagste eerst'],
] as const;

/**
 * The invoice runs and correction runs the caller can see, sorted, filtered and paged on the
 * server, each linking to its own page. On a contract's page (`contractId`) the contract column
 * and filter are left out.
 */
export function InvoiceRunsList({ contractId }: { contractId?: string }) {
  const list = useListParams({
    sort: '-createdAt',
    limit: PAGE_SIZE,
    contract: '',
    status: '',
    kind: '',
    year: '',
  });
  const { contract, status, kind, year, sort, page, limit } = list.params;
  const runs = $api.useQuery('get', '/api/v1/invoice-runs', {
    params: {
      query: {
        status: (status || undefined) as RunQuery['status'],
        kind: (kind || undefined) as RunQuery['kind'],
        contract: contractId ?? (contract || undefined),
        year: year ? Number(year) : undefined,
        sort: sort as RunQuery['sort'],
        page,
        limit,
      },
    },
  });
  const contracts = $api.useQuery(
    'get',
    '/api/v1/contracts',
    { params: { query: { limit: 500 } } },
    { enabled: !contractId },
  );
  const filtered = Boolean(status || kind || year || (!contractId && contract));
  return (
    <>
      <form className="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
        {!contractId ? (
          <SelectField
            label="Contract"
            value={contract}
            onChange={(value) => list.set({ contract: value })}
            placeholder="Alle contracten"
            options={(contracts.data?.items ?? []).map((c) => [c.id, `${c.reference}: ${c.title}`] as const)}
          />
        ) : null}
        <SelectField
          label="Jaar van de periode"
          value={year}
          onChange={(value) => list.set({ year: value })}
          placeholder="Alle jaren"
          options={yearOptions()}
        />
        <SelectField
          label="Soort"
          value={kind}
          onChange={(value) => list.set({ kind: value })}
          placeholder="Alle soorten"
          options={Object.entries(RUN_KIND_LABELS)}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(value) => list.set({ status: value })}
          placeholder="Alle statussen"
          options={Object.entries(RUN_STATUS).map(([value, { label }]) => [value, label] as const)}
        />
      </form>
      {runs.isPending ? <Loading label="De factuurrondes worden geladen…" /> : null}
      {runs.error ? <ErrorAlert error={runs.error} /> : null}
      <ResultCount total={runs.data?.total} one="factuurronde" many="factuurrondes">
        {filtered ? 'met deze filters' : null}
      </ResultCount>
      {runs.data && runs.data.total === 0 ? (
        <p className="utrecht-paragraph">
          {filtered
            ? 'Er zijn geen factuurrondes met deze filters.'
            : 'Er zijn nog geen factuurrondes. Een factuurronde start u op de pagina van het contract.'}
        </p>
      ) : null}
      {runs.data && runs.data.items.length > 0 ? <SortSelect list={list} options={RUN_SORTS} /> : null}
      {runs.data && runs.data.items.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="factuurrondes-caption">
          <table className="utrecht-table portal-table portal-table--cards run-list">
            <caption id="factuurrondes-caption" className="utrecht-table__caption">
              Factuurrondes
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <SortableHeader list={list} field="periodStart" label="Periode" descendingFirst />
                {!contractId ? (
                  <th scope="col" className="utrecht-table__header-cell">
                    Contract
                  </th>
                ) : null}
                <th scope="col" className="utrecht-table__header-cell">
                  Soort
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Status
                </th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  Documenten
                </th>
                <SortableHeader list={list} field="totalCents" label="Totaal" numeric />
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  Vastgehouden
                </th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  Onvolledige gegevens
                </th>
                <SortableHeader list={list} field="createdAt" label="Gestart" descendingFirst />
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {runs.data.items.map((run) => {
                const badge = badgeLabel(RUN_STATUS, run.status);
                return (
                  <tr key={run.id} className="utrecht-table__row">
                    <td className="utrecht-table__cell" data-label="Periode">
                      <Link className="utrecht-link run-list__period" to={`/factuurrondes/${run.id}`}>
                        {date(run.period.start)} t/m {date(run.period.end)}
                      </Link>
                    </td>
                    {!contractId ? (
                      <td className="utrecht-table__cell" data-label="Contract">
                        {run.contract.reference}
                      </td>
                    ) : null}
                    <td className="utrecht-table__cell" data-label="Soort">
                      {RUN_KIND_LABELS[run.kind]}
                    </td>
                    <td className="utrecht-table__cell" data-label="Status">
                      <StatusBadge tone={badge.tone}>{badge.label}</StatusBadge>
                    </td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-column" data-label="Documenten">
                      {count(run.documentCount)}
                    </td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-column nowrap" data-label="Totaal">
                      {euroCents(run.totalCents)}
                    </td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-column" data-label="Vastgehouden">
                      {count(run.heldCount)}
                    </td>
                    <td
                      className="utrecht-table__cell utrecht-table__cell--numeric-column"
                      data-label="Onvolledige gegevens"
                    >
                      {count(run.gapCount)}
                    </td>
                    <td className="utrecht-table__cell" data-label="Gestart">
                      {date(run.createdAt)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination list={list} total={runs.data?.total} />
    </>
  );
}

/** /factuurrondes: every run the caller can see, to filter by contract. */
export function InvoiceRunsPage() {
  return (
    <>
      <PageHeading>Factuurrondes</PageHeading>
      <p className="utrecht-paragraph">
        Alle factuurrondes en correctieruns van de contracten die u kunt zien, met hun documenten en totalen. Kies een
        periode voor de documenten, de vastgehouden gemeenten en de aandachtspunten.
      </p>
      <InvoiceRunsList />
    </>
  );
}
