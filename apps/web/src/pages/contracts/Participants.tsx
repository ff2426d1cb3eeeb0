import { Link } from 'react-router';
import { $api } from '../../api/client';
import { SelectField } from '../../components/fields';
import {
  Cell,
  HeaderCell,
  Pagination,
  queryOf,
  ResultCount,
  RowHeader,
  SearchForm,
  SortableHeader,
  useListParams,
} from '../../components/lists';
import { ErrorAlert, Loading } from '../../components/ui';
import { date, today } from '../../format';
import { Contract, labelOf, PARTICIPATION_ORIGIN } from './labels';

type Status = 'active' | 'ended' | 'future' | 'all';
/** The fields the API sorts participants on (ascending, or descending with a leading -). */
type ParticipantSort = `${'' | '-'}${'name' | 'code' | 'from' | 'until'}`;

const STATUS_OPTIONS: ReadonlyArray<readonly [Status, string]> = [
  ['active', 'Nu deelnemend'],
  ['ended', 'Beëindigd'],
  ['future', 'Nog niet begonnen'],
  ['all', 'Alle deelnames'],
];

/** By name, those taking part today. */
const LIST_DEFAULTS: { sort: string; status: Status } = { sort: 'name', status: 'active' };

const CAPTIONS: Record<Status, string> = {
  active: 'Gemeenten die vandaag deelnemen',
  ended: 'Beëindigde deelnames',
  future: 'Deelnames die nog moeten beginnen',
  all: 'Alle deelnames',
};

/**
 * The participating municipalities, a page at a time from the server: those taking part today by
 * default, searchable by name or code, sortable, with the address holding the state. A manager ends
 * a participation from its row.
 */
export function ParticipantsPage({ contract, mayManage }: { contract: Contract; mayManage: boolean }) {
  const list = useListParams(LIST_DEFAULTS);
  const { params } = list;
  const participants = $api.useQuery('get', '/api/v1/contracts/{id}/participants', {
    params: { path: { id: contract.id }, query: { ...queryOf(params), sort: params.sort as ParticipantSort } },
  });
  const day = today();
  const mayEnd = mayManage && (contract.status === 'ACTIVE' || contract.status === 'DRAFT');
  const status = params.status;

  return (
    <>
      <h2 className="utrecht-heading-2">Deelnemers</h2>
      {mayManage && (contract.status === 'ACTIVE' || contract.status === 'DRAFT') ? (
        <ul className="plain-list task-links">
          <li>
            <Link className="utrecht-link" to={`/contracten/${contract.id}/deelnemers/aanmelden`}>
              Gemeenten aanmelden
            </Link>
          </li>
          {contract.status === 'ACTIVE' ? (
            <li>
              <Link className="utrecht-link" to={`/contracten/${contract.id}/herindeling`}>
                Herindeling overnemen
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <div className="filters participant-filters">
        <SearchForm list={list} label="Zoek een gemeente (naam of code)" />
        <SelectField
          label="Welke deelnames"
          value={status}
          onChange={(value) => list.set({ status: value as Status })}
          options={STATUS_OPTIONS}
        />
      </div>
      <ResultCount total={participants.data?.total} one="deelname" many="deelnames">
        {params.q ? `voor “${params.q}”` : null}
      </ResultCount>
      {participants.isPending ? <Loading label="Deelnemers worden geladen…" /> : null}
      {participants.isError ? <ErrorAlert error={participants.error} /> : null}
      {participants.data ? (
        participants.data.items.length === 0 ? (
          <p className="utrecht-paragraph">
            {params.q ? 'Geen deelnames gevonden. Pas de zoekopdracht aan.' : 'Er zijn hier geen deelnames.'}
          </p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="participants-caption">
            <table className="utrecht-table portal-table portal-table--cards">
              <caption id="participants-caption" className="utrecht-table__caption">
                {CAPTIONS[status] ?? CAPTIONS.all}
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <SortableHeader list={list} field="name" label="Gemeente" />
                  <SortableHeader list={list} field="code" label="Code" />
                  <SortableHeader list={list} field="from" label="Deelname vanaf" descendingFirst />
                  <SortableHeader list={list} field="until" label="Tot en met" descendingFirst />
                  <HeaderCell>Hoe</HeaderCell>
                  {mayEnd ? (
                    <HeaderCell>
                      <span className="visually-hidden">Acties</span>
                    </HeaderCell>
                  ) : null}
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {participants.data.items.map((p) => (
                  <tr key={`${p.code}-${p.from}`} className="utrecht-table__row">
                    <RowHeader>{p.name}</RowHeader>
                    <Cell label="Code">{p.code}</Cell>
                    <Cell label="Deelname vanaf">{date(p.from)}</Cell>
                    <Cell label="Tot en met">{p.to ? date(p.to) : 'geen einddatum'}</Cell>
                    <Cell label="Hoe">{labelOf(PARTICIPATION_ORIGIN, p.origin)}</Cell>
                    {mayEnd ? (
                      <Cell label="Acties">
                        {p.to === null || p.to >= day ? (
                          <Link
                            className="utrecht-link"
                            to={`/contracten/${contract.id}/deelnemers/${p.code}/beeindigen`}
                          >
                            Beëindigen<span className="visually-hidden"> deelname {p.name}</span>
                          </Link>
                        ) : null}
                      </Cell>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <Pagination list={list} total={participants.data?.total} />
    </>
  );
}
