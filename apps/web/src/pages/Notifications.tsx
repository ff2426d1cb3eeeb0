import { Link } from 'react-router';
import { $api, queryClient } from '../api/client';
import { SelectField } from '../components/fields';
import { Pagination, queryOf, ResultCount, useListParams } from '../components/lists';
import { Button, ErrorAlert, Loading, PageHeading, StatusBadge } from '../components/ui';
import { count } from '../format';
import { QueryOf, tableDateTime } from './admin/shared';

type Kind =
  | 'COVERAGE_ENDING'
  | 'NON_COMPLIANT'
  | 'COMPLIANT_AGAIN'
  | 'INVOICE_OVERDUE'
  | 'ROLL_OVER_OFFERED'
  | 'BILLING_DIFFERENCE';

const KIND_LABELS: Record<Kind, string> = {
  COVERAGE_ENDING: 'Dekking eindigt',
  NON_COMPLIANT: 'Niet voldaan',
  COMPLIANT_AGAIN: 'Weer voldaan',
  INVOICE_OVERDUE: 'Factuur vervallen',
  ROLL_OVER_OFFERED: 'Herindeling overnemen',
  BILLING_DIFFERENCE: 'Factuurverschil',
};

const READ_OPTIONS = [
  ['true', 'Alleen ongelezen'],
  ['false', 'Alleen gelezen'],
] as const;

/** The user's notifications: read or unread and kind filtered, and paged, on the server (state in the URL). */
export function NotificationsPage() {
  const list = useListParams({ limit: 20, unread: '', kind: '' });
  const notifications = $api.useQuery('get', '/api/v1/notifications', {
    params: { query: queryOf(list.params) as QueryOf<'/api/v1/notifications'> },
  });
  const markRead = $api.useMutation('post', '/api/v1/notifications/{id}/read', {
    // Every cached page of notifications, the menu's unread count among them.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/notifications'] }),
  });
  const page = notifications.data;
  return (
    <>
      <PageHeading>Meldingen</PageHeading>
      <p className="utrecht-paragraph">
        Signalen over uw organisatie: dekking die binnen 90 dagen eindigt, een gemeente die niet meer aan de plicht
        voldoet, facturen die over de betaaltermijn zijn en herindelingen waarvan u de deelname kunt overnemen.
      </p>
      <div className="list-filters">
        <SelectField
          label="Tonen"
          placeholder="Alle meldingen"
          options={READ_OPTIONS}
          value={list.params.unread}
          onChange={(unread) => list.set({ unread: unread })}
        />
        <SelectField
          label="Soort"
          placeholder="Alle soorten"
          options={Object.entries(KIND_LABELS)}
          value={list.params.kind}
          onChange={(kind) => list.set({ kind: kind })}
        />
      </div>
      <ResultCount total={page?.total} one="melding" many="meldingen">
        {page ? <>— in totaal {count(page.unread)} ongelezen</> : null}
      </ResultCount>
      {notifications.isPending ? <Loading /> : null}
      {notifications.error ? <ErrorAlert error={notifications.error} /> : null}
      {markRead.error ? <ErrorAlert error={markRead.error} /> : null}
      {page && page.items.length === 0 ? (
        <p className="utrecht-paragraph">
          {list.params.unread === 'true' ? 'U heeft geen ongelezen meldingen.' : 'Er zijn geen meldingen.'}
        </p>
      ) : null}
      <ul className="notification-list">
        {page?.items.map((item) => {
          const link = (item.data as { link?: unknown }).link;
          return (
            <li key={item.id} className={`card notification${item.readAt ? '' : ' notification--unread'}`}>
              <h2 className="utrecht-heading-3">{item.title}</h2>
              <p className="utrecht-paragraph">
                <StatusBadge tone={item.readAt ? 'neutral' : 'warning'}>
                  {item.readAt ? 'Gelezen' : 'Nieuw'}
                </StatusBadge>{' '}
                {KIND_LABELS[item.kind] ?? item.kind} · {tableDateTime(item.createdAt)}
              </p>
              <p className="utrecht-paragraph">{item.message}</p>
              {typeof link === 'string' && link.startsWith('/') ? (
                <p className="utrecht-paragraph">
                  <Link className="utrecht-link" to={link}>
                    Openen<span className="visually-hidden">: {item.title}</span>
                  </Link>
                </p>
              ) : null}
              {item.readAt ? null : (
                <Button
                  variant="secondary"
                  busy={markRead.isPending && markRead.variables?.params.path.id === item.id}
                  onClick={() => markRead.mutate({ params: { path: { id: item.id } } })}
                >
                  Markeer als gelezen<span className="visually-hidden">: {item.title}</span>
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <Pagination list={list} total={page?.total} />
    </>
  );
}
