import { $api } from '../../api/client';
import { Cell, HeaderCell, RowHeader } from '../../components/lists';
import { ErrorAlert, Loading } from '../../components/ui';
import { date, dateTime, UNKNOWN } from '../../format';
import { AMENDMENT_FIELD, Contract, labelOf, tariff } from './labels';
import { TabHeader } from './task';

const isNamed = (item: unknown): item is { name: unknown } =>
  typeof item === 'object' && item !== null && 'name' in item;

/** A scalar as text; anything else as JSON. */
const plain = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);

/** An amendment's before/after value: dates and tariffs the Dutch way. */
function changeValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return field === 'endDate' ? 'geen einddatum' : UNKNOWN;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
  if ((field === 'perInhabitant' || field === 'tariff') && typeof value === 'string') return tariff(value);
  if (Array.isArray(value))
    return value.length === 0
      ? 'geen'
      : value.map((item: unknown) => (isNamed(item) ? plain(item.name) : plain(item))).join(', ');
  return plain(value);
}

/** The contract's amendments in order, each with what it changed; a manager adds one from here. */
export function AmendmentsPage({ contract, mayManage }: { contract: Contract; mayManage: boolean }) {
  const amendments = $api.useQuery('get', '/api/v1/contracts/{id}/amendments', {
    params: { path: { id: contract.id } },
  });
  return (
    <>
      <TabHeader
        title="Wijzigingen"
        task={
          mayManage && contract.status === 'ACTIVE'
            ? { to: `/contracten/${contract.id}/wijzigingen/nieuw`, label: 'Contract wijzigen' }
            : null
        }
      >
        Een actief contract verandert alleen met een wijziging vanaf een datum: een nieuw tarief, een nieuwe einddatum,
        een andere betaaltermijn of andere diensten.
      </TabHeader>
      {amendments.isPending ? <Loading label="Wijzigingen worden geladen…" /> : null}
      {amendments.isError ? <ErrorAlert error={amendments.error} /> : null}
      {amendments.data ? (
        amendments.data.length === 0 ? (
          <p className="utrecht-paragraph">Het contract is niet gewijzigd sinds het is ingegaan.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="amendments-caption">
            <table className="utrecht-table portal-table portal-table--cards">
              <caption id="amendments-caption" className="utrecht-table__caption">
                Wijzigingen van het contract, op volgorde
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <HeaderCell>Nr.</HeaderCell>
                  <HeaderCell>Ingangsdatum</HeaderCell>
                  <HeaderCell>Reden</HeaderCell>
                  <HeaderCell>Wijziging</HeaderCell>
                  <HeaderCell>Vastgelegd</HeaderCell>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {amendments.data.map((a) => (
                  <tr key={a.id} className="utrecht-table__row">
                    <RowHeader>{a.number}</RowHeader>
                    <Cell label="Ingangsdatum">{date(a.effectiveDate)}</Cell>
                    <Cell label="Reden">{a.reason}</Cell>
                    <Cell label="Wijziging">
                      <ul className="plain-list">
                        {Object.entries(a.changes as Record<string, { before: unknown; after: unknown }>).map(
                          ([field, change]) => (
                            <li key={field}>
                              {labelOf(AMENDMENT_FIELD, field)}: {changeValue(field, change.before)} →{' '}
                              {changeValue(field, change.after)}
                            </li>
                          ),
                        )}
                      </ul>
                    </Cell>
                    <Cell label="Vastgelegd">{dateTime(a.createdAt)}</Cell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </>
  );
}
