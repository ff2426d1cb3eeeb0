import { Link } from 'react-router';
import { $api } from '../api/client';
import { Pagination, queryOf, ResultCount, SearchForm, SortableHeader, useListParams } from '../components/lists';
import { ErrorAlert, LabelledBadge, Loading, PageHeading } from '../components/ui';
import { plural, today } from '../format';
import { useMe } from '../session';
import {
  CONTRACT_KIND,
  CONTRACT_STATUS,
  DUTY_SHORT,
  FUNDING_MODEL,
  labelOf,
  period,
  tariff,
  tariffOn,
} from './contracts/labels';

/** The fields the API sorts contracts on (ascending, or descending with a leading -). */
type ContractSort = `${'' | '-'}${'reference' | 'title' | 'startDate' | 'endDate'}`;

export function ContractStatusBadge({ status }: { status: string }) {
  return <LabelledBadge labels={CONTRACT_STATUS} value={status} />;
}

function introFor(kind: string): string {
  if (kind === 'PROVIDER') return 'De contracten waarin uw organisatie de dienst levert.';
  if (kind === 'MUNICIPALITY')
    return 'De contracten waaraan uw gemeente deelneemt of die uw gemeente zelf heeft gesloten.';
  if (kind === 'ASSOCIATION') return 'De contracten die de VNG namens de gemeenten heeft gesloten.';
  return 'Alle contracten op het platform.';
}

export function ContractsPage() {
  const me = useMe();
  const list = useListParams({ sort: '-startDate' });
  const contracts = $api.useQuery('get', '/api/v1/contracts', {
    params: { query: { ...queryOf(list.params), sort: list.params.sort as ContractSort } },
  });
  const day = today();
  return (
    <>
      <PageHeading>Contracten</PageHeading>
      <p className="utrecht-paragraph">
        {introFor(me.organisation.kind)} Kies een contract voor de tarieven, de deelnemende gemeenten en de wijzigingen.
      </p>
      <SearchForm list={list} label="Zoek op kenmerk of titel" />
      <ResultCount total={contracts.data?.total} one="contract" many="contracten">
        {list.params.q ? `voor “${list.params.q}”` : null}
      </ResultCount>
      {contracts.isPending ? <Loading label="Contracten worden geladen…" /> : null}
      {contracts.isError ? <ErrorAlert error={contracts.error} /> : null}
      {contracts.data ? (
        contracts.data.items.length === 0 ? (
          <p className="utrecht-paragraph">
            {list.params.q
              ? 'Geen contracten gevonden. Pas de zoekopdracht aan.'
              : 'Er zijn geen contracten die u kunt inzien.'}
          </p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="contracts-caption">
            <table className="utrecht-table portal-table portal-table--cards">
              <caption id="contracts-caption" className="utrecht-table__caption">
                Contracten
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <SortableHeader list={list} field="reference" label="Contract" />
                  <th scope="col" className="utrecht-table__header-cell">
                    Status
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Aanbieder
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Opdrachtgever
                  </th>
                  <SortableHeader list={list} field="startDate" label="Looptijd" descendingFirst />
                  <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                    Tarief per inwoner
                  </th>
                  <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                    Deelnemers vandaag
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Financiering
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {contracts.data.items.map((c) => (
                  <tr key={c.id} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      <Link className="utrecht-link" to={`/contracten/${c.id}`}>
                        {c.reference}
                      </Link>
                      <span className="contract-title">{c.title}</span>
                      <span className="contract-title">
                        {labelOf(DUTY_SHORT, c.dutyCode)} · {labelOf(CONTRACT_KIND, c.kind)}
                      </span>
                    </th>
                    <td className="utrecht-table__cell" data-label="Status">
                      <ContractStatusBadge status={c.status} />
                    </td>
                    <td className="utrecht-table__cell" data-label="Aanbieder">
                      {c.supplier.name}
                    </td>
                    <td className="utrecht-table__cell" data-label="Opdrachtgever">
                      {c.contractingOrganisation.name}
                    </td>
                    <td className="utrecht-table__cell" data-label="Looptijd">
                      <span className="period">{period(c.startDate, c.endDate)}</span>
                    </td>
                    <td
                      className="utrecht-table__cell utrecht-table__cell--numeric-column"
                      data-label="Tarief per inwoner"
                    >
                      {tariff(tariffOn(c.tariffs, day)?.perInhabitant)}
                    </td>
                    <td
                      className="utrecht-table__cell utrecht-table__cell--numeric-column"
                      data-label="Deelnemers vandaag"
                    >
                      {plural(c.participantsToday, 'deelnemer', 'deelnemers')}
                    </td>
                    <td className="utrecht-table__cell" data-label="Financiering">
                      {labelOf(FUNDING_MODEL, c.fundingModel)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <Pagination list={list} total={contracts.data?.total} />
    </>
  );
}
