import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { NOTIFICATIONS_CHANGED } from '../components/Layout';
import { Choice } from '../components/fields';
import { Button, ErrorAlert, Loaded, PageHeading, StatusBadge, useLoad } from '../components/ui';
import { dateTime } from '../format';

interface Notification {
  id: string;
  kind: string;
  title: string;
  message: string;
  municipalityCode: string | null;
  createdAt: string;
  readAt: string | null;
  data: { link?: string };
}

interface NotificationPage {
  items: Notification[];
  total: number;
  unread: number;
}

const KIND_LABELS: Record<string, string> = {
  COVERAGE_ENDING: 'Dekking eindigt',
  NON_COMPLIANT: 'Niet voldaan',
  COMPLIANT_AGAIN: 'Weer voldaan',
  INVOICE_OVERDUE: 'Factuur vervallen',
  ROLL_OVER_OFFERED: 'Herindeling overnemen',
  BILLING_DIFFERENCE: 'Factuurverschil',
};

export function NotificationsPage() {
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const state = useLoad(
    () => api<NotificationPage>('/notifications', { query: { unread: onlyUnread ? 'true' : undefined, limit: 100 } }),
    [onlyUnread],
  );

  async function markRead(id: string) {
    setFailure(null);
    try {
      await api(`/notifications/${id}/read`, { method: 'POST' });
      state.reload();
      window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <>
      <PageHeading>Meldingen</PageHeading>
      <p className="utrecht-paragraph">
        Signalen over uw organisatie: dekking die binnen 90 dagen eindigt, een gemeente die niet meer aan de plicht
        voldoet, facturen die over de betaaltermijn zijn en herindelingen waarvan u de deelname kunt overnemen.
      </p>
      <div className="choice-field">
        <Choice
          type="checkbox"
          className="choice"
          checked={onlyUnread}
          onChange={(event) => setOnlyUnread(event.target.checked)}
        >
          Alleen ongelezen meldingen
        </Choice>
      </div>
      {failure ? <ErrorAlert error={failure} /> : null}
      <Loaded state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="utrecht-paragraph">
              {onlyUnread ? 'U heeft geen ongelezen meldingen.' : 'Er zijn geen meldingen.'}
            </p>
          ) : (
            <>
              <p className="utrecht-paragraph" role="status">
                {page.total === 1 ? '1 melding' : `${page.total} meldingen`}, waarvan {page.unread} ongelezen.
              </p>
              <ul className="notification-list">
                {page.items.map((item) => (
                  <li key={item.id} className={`card notification${item.readAt ? '' : ' notification--unread'}`}>
                    <h2 className="utrecht-heading-3">{item.title}</h2>
                    <p className="utrecht-paragraph">
                      <StatusBadge tone={item.readAt ? 'neutral' : 'warning'}>
                        {item.readAt ? 'Gelezen' : 'Nieuw'}
                      </StatusBadge>{' '}
                      {KIND_LABELS[item.kind] ?? item.kind} · {dateTime(item.createdAt)}
                    </p>
                    <p className="utrecht-paragraph">{item.message}</p>
                    {item.data.link?.startsWith('/') ? (
                      <p className="utrecht-paragraph">
                        <Link className="utrecht-link" to={item.data.link}>
                          Openen<span className="visually-hidden">: {item.title}</span>
                        </Link>
                      </p>
                    ) : null}
                    {item.readAt ? null : (
                      <Button variant="secondary" onClick={() => void markRead(item.id)}>
                        Markeer als gelezen<span className="visually-hidden">: {item.title}</span>
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Loaded>
    </>
  );
}
