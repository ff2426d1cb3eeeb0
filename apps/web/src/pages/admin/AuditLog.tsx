import { $api } from '../../api/client';
import { SelectField, TextField } from '../../components/fields';
import { Pagination, queryOf, ResultCount, SearchForm, useListParams } from '../../components/lists';
import { Button, ErrorAlert, Loading, PageHeading } from '../../components/ui';
import type { Role } from '../../api/types';
import { BackLink, QueryOf, roleList, tableDateTime } from './shared';

/** The audit log's actions in words (an action the portal does not know yet shows as itself). */
export const ACTION_NAMES: Record<string, string> = {
  'auth.login': 'Ingelogd',
  'auth.logout': 'Afgemeld',
  'auth.refresh-token-reused': 'Sessie beëindigd (hergebruikt token)',
  'user.created': 'Gebruiker aangemaakt',
  'user.updated': 'Gebruiker gewijzigd',
  'api-key.created': 'API-sleutel aangemaakt',
  'api-key.revoked': 'API-sleutel ingetrokken',
  'webhook.created': 'Webhook geregistreerd',
  'webhook.removed': 'Webhook verwijderd',
  'organisation.created': 'Organisatie aangemaakt',
  'billing-details.updated': 'Factuurgegevens gewijzigd',
  'billing-details.imported': 'Factuurgegevens ingelezen',
  'purchase-order.imported': 'Inkoopordernummers ingelezen',
  'contract.created': 'Contract aangemaakt',
  'contract.updated': 'Contract gewijzigd',
  'contract.activated': 'Contract geactiveerd',
  'contract.terminated': 'Contract beëindigd',
  'contract.amended': 'Contract aangepast (wijziging)',
  'contract.tariff-added': 'Tarief toegevoegd',
  'contract.participants-added': 'Deelnemers toegevoegd',
  'contract.participant-ended': 'Deelname beëindigd',
  'contract.exception-added': 'Uitzondering toegevoegd',
  'contract.rolled-over': 'Deelname overgenomen na herindeling',
  'invoice-run.completed': 'Factuurronde afgerond',
  'invoice-run.resumed': 'Factuurronde hervat',
  'invoice-run.released': 'Aangehouden facturen vrijgegeven',
  'invoice.credited': 'Factuur gecrediteerd',
  'invoice.replaced': 'Factuur vervangen',
  'invoice.payment-recorded': 'Betaling geregistreerd',
  'provider.created': 'Aanbieder aangemaakt',
  'provider.updated': 'Aanbieder gewijzigd',
  'service.created': 'Dienst aangemaakt',
  'service.closure-added': 'Sluiting toegevoegd',
  'service-statistic.recorded': 'Dienstcijfers vastgelegd',
  'population-import.applied': 'Inwonertallen ingelezen',
  'reorganisation-import.applied': 'Herindelingen ingelezen',
};

const SUBJECT_NAMES: Record<string, string> = {
  user: 'Gebruiker',
  'api-key': 'API-sleutel',
  webhook: 'Webhook',
  organisation: 'Organisatie',
  contract: 'Contract',
  invoice: 'Factuur',
  'invoice-run': 'Factuurronde',
  provider: 'Aanbieder',
  service: 'Dienst',
};

const FIELD_NAMES: Record<string, string> = {
  email: 'E-mailadres',
  name: 'Naam',
  roles: 'Rollen',
  active: 'Actief',
  organisationId: 'Organisatie',
  url: 'Adres',
  events: 'Gebeurtenissen',
  prefix: 'Begint met',
  kind: 'Soort',
};

const actionName = (action: string) => ACTION_NAMES[action] ?? action;

/** A recorded value as text: roles in words, lists joined, yes/no for booleans, "-" for nothing. */
function shown(value: unknown, field?: string): string {
  if (field === 'roles' && Array.isArray(value) && value.length) return roleList(value as Role[]);
  if (value === null || value === undefined || value === '') return '-';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (Array.isArray(value)) return value.length ? value.map((item) => shown(item)).join(', ') : '-';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

type AuditEvent = {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  occurredAt: string;
};

function actorOf(event: AuditEvent): string {
  if (event.actorName) return event.actorApiKeyId ? `API-sleutel ${event.actorName}` : event.actorName;
  if (event.actorUserId || event.actorApiKeyId) return 'Iemand van een andere organisatie (platformbeheer)';
  return 'Het platform zelf';
}

/** What changed: one row per field, before and after (only "Waarde" when there is no before or after). */
function Changes({ event }: { event: AuditEvent }) {
  const keys = [...new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})])];
  if (keys.length === 0) return <p className="utrecht-paragraph">Geen gegevens vastgelegd bij deze actie.</p>;
  const both = event.before !== null && event.after !== null;
  const only = event.after ?? event.before ?? {};
  return (
    <table className="utrecht-table portal-table audit-changes">
      <caption className="utrecht-table__caption visually-hidden">Gegevens van {actionName(event.action)}</caption>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className="utrecht-table__header-cell">
            Veld
          </th>
          {both ? (
            <>
              <th scope="col" className="utrecht-table__header-cell">
                Voor
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Na
              </th>
            </>
          ) : (
            <th scope="col" className="utrecht-table__header-cell">
              {event.after ? 'Vastgelegd' : 'Was'}
            </th>
          )}
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {keys.map((key) => {
          const before = shown(event.before?.[key], key);
          const after = shown(event.after?.[key], key);
          return (
            <tr key={key} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {FIELD_NAMES[key] ?? key}
              </th>
              {both ? (
                <>
                  <td className="utrecht-table__cell break-anywhere">{before}</td>
                  <td className="utrecht-table__cell break-anywhere">
                    {after}
                    {before !== after ? <span className="audit-changed"> (gewijzigd)</span> : null}
                  </td>
                </>
              ) : (
                <td className="utrecht-table__cell break-anywhere">{shown(only[key], key)}</td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const SORT_OPTIONS = [
  ['-occurredAt', 'Nieuwste eerst'],
  ['occurredAt', 'Oudste eerst'],
] as const;

/** The audit log: searched, filtered (action, days) and ordered on the server, with the state in the URL. */
export function AuditLogPage() {
  const list = useListParams({ sort: '-occurredAt', limit: 25, action: '', from: '', to: '', actor: '' });
  const events = $api.useQuery('get', '/api/v1/audit-events', {
    params: { query: queryOf(list.params) as QueryOf<'/api/v1/audit-events'> },
  });
  const known = Object.entries(ACTION_NAMES).sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  const actionOptions =
    list.params.action && !ACTION_NAMES[list.params.action]
      ? [...known, [list.params.action, list.params.action] as const]
      : known;
  const items = (events.data?.items ?? []) as AuditEvent[];
  const actorShown = items.find((e) => e.actorUserId === list.params.actor || e.actorApiKeyId === list.params.actor);
  return (
    <>
      <BackLink to="/beheer">Terug naar Beheer</BackLink>
      <PageHeading>Auditlog</PageHeading>
      <p className="utrecht-paragraph">
        Elke wijziging in het platform, met wie die deed, wanneer, en de gegevens ervoor en erna. Het log kan niet
        worden aangepast.
      </p>
      <SearchForm list={list} label="Zoek op actie, persoon of onderwerp" />
      <div className="list-filters">
        <SelectField
          label="Actie"
          placeholder="Alle acties"
          options={actionOptions}
          value={list.params.action}
          onChange={(action) => list.set({ action })}
        />
        <TextField label="Vanaf" type="date" value={list.params.from} onChange={(from) => list.set({ from })} />
        <TextField label="Tot en met" type="date" value={list.params.to} onChange={(to) => list.set({ to })} />
        <SelectField
          label="Volgorde"
          options={SORT_OPTIONS}
          value={list.params.sort}
          onChange={(sort) => list.set({ sort })}
        />
      </div>
      {list.params.actor ? (
        <p className="utrecht-paragraph">
          Alleen acties van {actorShown ? actorOf(actorShown) : 'één persoon of sleutel'}.{' '}
          <Button variant="subtle" onClick={() => list.set({ actor: '' })}>
            Toon acties van iedereen
          </Button>
        </p>
      ) : null}
      <ResultCount total={events.data?.total} one="gebeurtenis" many="gebeurtenissen">
        {list.params.q ? <>voor ‘{list.params.q}’</> : null}
      </ResultCount>
      {events.isPending ? <Loading /> : null}
      {events.error ? <ErrorAlert error={events.error} /> : null}
      {events.data && items.length === 0 ? (
        <p className="utrecht-paragraph">Geen gebeurtenissen gevonden. Pas de zoekopdracht of de filters aan.</p>
      ) : null}
      <ol className="audit-list">
        {items.map((event) => (
          <li key={event.id} className="card audit-event">
            <h2 className="utrecht-heading-3">{actionName(event.action)}</h2>
            <dl className="utrecht-data-list utrecht-data-list--rows audit-event__facts">
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">Wanneer</dt>
                <dd className="utrecht-data-list__item-value">{tableDateTime(event.occurredAt)}</dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">Wie</dt>
                <dd className="utrecht-data-list__item-value break-anywhere">
                  {actorOf(event)}
                  {(event.actorUserId || event.actorApiKeyId) && !list.params.actor ? (
                    <>
                      {' '}
                      <Button
                        variant="subtle"
                        className="inline-button"
                        onClick={() => list.set({ actor: (event.actorUserId ?? event.actorApiKeyId)! })}
                      >
                        Alle acties<span className="visually-hidden"> van {actorOf(event)}</span>
                      </Button>
                    </>
                  ) : null}
                </dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">Onderwerp</dt>
                <dd className="utrecht-data-list__item-value break-anywhere">
                  {SUBJECT_NAMES[event.entityType] ?? event.entityType}
                  {event.entityId ? ` ${event.entityId}` : ''}
                </dd>
              </div>
            </dl>
            <details className="audit-event__details">
              <summary>
                Details
                <span className="visually-hidden">
                  {' '}
                  van {actionName(event.action)} op {tableDateTime(event.occurredAt)}
                </span>
              </summary>
              <Changes event={event} />
              <p className="utrecht-paragraph audit-event__request">
                Actie {actionName(event.action)} ({event.action}), verzoeknummer {event.requestId ?? '-'}.
              </p>
            </details>
          </li>
        ))}
      </ol>
      <Pagination list={list} total={events.data?.total} />
    </>
  );
}
