import { Link, useParams } from 'react-router';
import { $api } from '../../api/client';
import { SelectField } from '../../components/fields';
import { Pagination, queryOf, ResultCount, useListParams } from '../../components/lists';
import { BadgeLabels, DataList, ErrorAlert, LabelledBadge, Loading, PageHeading } from '../../components/ui';
import { count, date } from '../../format';
import { BackLink, QueryOf, tableDateTime } from './shared';
import { EVENT_NAMES } from './Webhooks';

const DELIVERY_LABELS: BadgeLabels = {
  PENDING: { label: 'Wacht op aflevering', tone: 'warning' },
  DELIVERED: { label: 'Afgeleverd', tone: 'valid' },
  FAILED: { label: 'Mislukt', tone: 'invalid' },
};

const STATUS_OPTIONS = Object.entries(DELIVERY_LABELS).map(([value, { label }]) => [value, label] as const);

/** A webhook and its deliveries, newest first, paged and filtered by status on the server. */
export function WebhookPage() {
  const { id = '' } = useParams();
  const hooks = $api.useQuery('get', '/api/v1/webhooks');
  const list = useListParams({ limit: 25, status: '' });
  const deliveries = $api.useQuery('get', '/api/v1/webhooks/{id}/deliveries', {
    params: { path: { id }, query: queryOf(list.params) as QueryOf<'/api/v1/webhooks/{id}/deliveries'> },
  });
  const hook = hooks.data?.find((candidate) => candidate.id === id);
  return (
    <>
      <BackLink to="/beheer/webhooks">Terug naar Webhooks</BackLink>
      <PageHeading title="Webhook">
        Webhook <span className="break-anywhere">{hook?.url ?? ''}</span>
      </PageHeading>
      {hook ? (
        <>
          <DataList
            items={[
              [
                'Adres',
                <span key="url" className="break-anywhere">
                  {hook.url}
                </span>,
              ],
              ['Gebeurtenissen', hook.events.map((event) => EVENT_NAMES[event] ?? event).join(', ')],
              ['Omschrijving', hook.description ?? '-'],
              ['Geregistreerd', date(hook.createdAt)],
            ]}
          />
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={`/beheer/webhooks/${hook.id}/verwijderen`}>
              Deze webhook verwijderen
            </Link>
          </p>
        </>
      ) : hooks.data ? (
        <p className="utrecht-paragraph">Deze webhook is verwijderd; de afleveringen tot dan blijven zichtbaar.</p>
      ) : null}
      <h2 className="utrecht-heading-2">Afleveringen</h2>
      <div className="list-filters">
        <SelectField
          label="Status"
          placeholder="Alle afleveringen"
          options={STATUS_OPTIONS}
          value={list.params.status}
          onChange={(status) => list.set({ status: status })}
        />
      </div>
      <ResultCount total={deliveries.data?.total} one="aflevering" many="afleveringen" />
      {deliveries.isPending ? <Loading /> : null}
      {deliveries.error ? <ErrorAlert error={deliveries.error} /> : null}
      {deliveries.data && deliveries.data.items.length === 0 ? (
        <p className="utrecht-paragraph">
          {list.params.status ? 'Geen afleveringen met deze status.' : 'Er is nog niets naar deze webhook verstuurd.'}
        </p>
      ) : null}
      {deliveries.data?.items.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="afleveringen-caption">
          <table className="utrecht-table portal-table portal-table--cards">
            <caption id="afleveringen-caption" className="utrecht-table__caption">
              Afleveringen, nieuwste eerst
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Aangemaakt
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Gebeurtenis
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Status
                </th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  Pogingen
                </th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  Antwoordcode
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Afgeleverd
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Laatste fout
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {deliveries.data.items.map((delivery) => (
                <tr key={delivery.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell" data-label="Aangemaakt">
                    {tableDateTime(delivery.createdAt)}
                  </td>
                  <td className="utrecht-table__cell" data-label="Gebeurtenis">
                    {EVENT_NAMES[delivery.event] ?? delivery.event}
                  </td>
                  <td className="utrecht-table__cell" data-label="Status">
                    <LabelledBadge labels={DELIVERY_LABELS} value={delivery.status} />
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-column" data-label="Pogingen">
                    {count(delivery.attempts)}
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-column" data-label="Antwoordcode">
                    {delivery.lastResponseStatus ?? '-'}
                  </td>
                  <td className="utrecht-table__cell" data-label="Afgeleverd">
                    {tableDateTime(delivery.deliveredAt)}
                  </td>
                  <td className="utrecht-table__cell break-anywhere" data-label="Laatste fout">
                    {delivery.lastError ?? '-'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination list={list} total={deliveries.data?.total} />
    </>
  );
}
