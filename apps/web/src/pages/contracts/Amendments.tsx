import { Link } from 'react-router';
import { $api } from '../../api/client';
import { ErrorAlert, Loading } from '../../components/ui';
import { date, dateTime, UNKNOWN } from '../../format';
import { AMENDMENT_FIELD, Contract, labelOf, tariff } from './labels';

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
      <h2 className="utrecht-heading-2">Wijzigingen</h2>
      <p className="utrecht-paragraph">
        Een actief contract verandert alleen met een wijziging vanaf een datum: een nieuw tarief, een nieuwe einddatum,
        een andere betaaltermijn of andere diensten.
      </p>
      {mayManage && contract.status === 'ACTIVE' ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/contracten/${contract.id}/wijzigingen/nieuw`}>
            Contract wijzigen
          </Link>
        </p>
      ) : null}
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
                  <th scope="col" className="utrecht-table__header-cell">
                    Nr.
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Ingangsdatum
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Reden
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Wijziging
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Vastgelegd
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {amendments.data.map((a) => (
                  <tr key={a.id} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      {a.number}
                    </th>
                    <td className="utrecht-table__cell" data-label="Ingangsdatum">
                      {date(a.effectiveDate)}
                    </td>
                    <td className="utrecht-table__cell" data-label="Reden">
                      {a.reason}
                    </td>
                    <td className="utrecht-table__cell" data-label="Wijziging">
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
                    </td>
                    <td className="utrecht-table__cell" data-label="Vastgelegd">
                      {dateTime(a.createdAt)}
                    </td>
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
