import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react';
import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { $api, queryClient } from '../../api/client';
import { Confirmation, useStep } from '../../components/check-answers';
import { Choice, TextField } from '../../components/fields';
import { Button, ErrorAlert, Loading, PageHeading } from '../../components/ui';
import { date } from '../../format';
import {
  BackLink,
  BackTo,
  fieldProblem,
  NothingToRemove,
  OnceSecret,
  RemovalCheck,
  RemovedConfirmation,
  shownAtFields,
} from './shared';

const HOOKS = ['get', '/api/v1/webhooks'] as const;
const BACK: BackTo = { to: '/beheer/webhooks', label: 'Terug naar Webhooks' };

export const EVENT_NAMES: Record<string, string> = {
  'obligation.changed': 'Dekking van een gemeente veranderd',
  'invoice.issued': 'Factuur uitgereikt',
  'invoice.overdue': 'Factuur vervallen',
  'billing.difference': 'Verschil in gefactureerde inwoners',
};
const EVENTS = Object.keys(EVENT_NAMES);

const eventList = (events: readonly string[]) => events.map((event) => EVENT_NAMES[event] ?? event).join(', ');

/** The organisation's webhooks, with a way to their deliveries and to remove them. */
export function WebhooksPage() {
  const hooks = $api.useQuery('get', '/api/v1/webhooks');
  return (
    <>
      <BackLink to="/beheer">Terug naar Beheer</BackLink>
      <PageHeading>Webhooks</PageHeading>
      <p className="utrecht-paragraph">
        Een webhook stuurt een ondertekend bericht naar een systeem van uw organisatie zodra er iets gebeurt, zoals een
        nieuwe factuur of een veranderde dekking. Mislukt een aflevering, dan probeert het platform het later opnieuw.
      </p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-button-link utrecht-button-link--primary-action" to="/beheer/webhooks/nieuw">
          Webhook registreren
        </Link>
      </p>
      {hooks.isPending ? <Loading /> : null}
      {hooks.error ? <ErrorAlert error={hooks.error} /> : null}
      {hooks.data?.length === 0 ? <p className="utrecht-paragraph">Uw organisatie heeft nog geen webhooks.</p> : null}
      {hooks.data?.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Webhooks">
          <Table className="portal-table portal-table--cards">
            <TableCaption>Webhooks van uw organisatie</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Adres</TableHeaderCell>
                <TableHeaderCell scope="col">Gebeurtenissen</TableHeaderCell>
                <TableHeaderCell scope="col">Omschrijving</TableHeaderCell>
                <TableHeaderCell scope="col">Geregistreerd</TableHeaderCell>
                <TableHeaderCell scope="col">
                  <span className="visually-hidden">Acties</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {hooks.data.map((hook) => (
                <TableRow key={hook.id}>
                  <TableCell data-label="Adres" className="break-anywhere">
                    <Link className="utrecht-link" to={`/beheer/webhooks/${hook.id}`}>
                      {hook.url}
                    </Link>
                  </TableCell>
                  <TableCell data-label="Gebeurtenissen">{eventList(hook.events)}</TableCell>
                  <TableCell data-label="Omschrijving">{hook.description ?? '-'}</TableCell>
                  <TableCell data-label="Geregistreerd">{date(hook.createdAt)}</TableCell>
                  <TableCell data-label="Acties">
                    <Link className="utrecht-link" to={`/beheer/webhooks/${hook.id}/verwijderen`}>
                      Verwijderen<span className="visually-hidden"> {hook.url}</span>
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </>
  );
}

/** The API's reason a URL is refused, in Dutch. */
export function sayUrl(message: string): string {
  if (/public address|internal/.test(message))
    return 'Dit adres ligt in een intern netwerk (zoals localhost of 10.x.x.x). Geef een adres op dat via internet bereikbaar is.';
  if (/could not be resolved/.test(message)) return 'Deze servernaam bestaat niet of is niet te vinden.';
  if (/absolute URL/.test(message))
    return 'Vul een volledig webadres in, bijvoorbeeld https://systeem.gemeente.nl/hooks.';
  if (/https/.test(message)) return 'Gebruik een adres dat begint met https://.';
  if (/user name or password/.test(message)) return 'Zet geen gebruikersnaam of wachtwoord in het adres.';
  if (/2000/.test(message)) return 'Het adres is te lang (ten hoogste 2000 tekens).';
  return 'Vul een geldig webadres in.';
}

const sayEvents = () => 'Kies ten minste één gebeurtenis.';

/** Register a webhook: address and events; the signing secret is shown once. */
export function NewWebhookPage() {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const create = $api.useMutation('post', '/api/v1/webhooks', {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: HOOKS }),
  });

  if (create.data)
    return (
      <>
        <Confirmation title="Webhook geregistreerd" />
        <p className="utrecht-paragraph">
          Berichten over {eventList(create.data.events).toLowerCase()} gaan naar <strong>{create.data.url}</strong>.
        </p>
        <OnceSecret label="het ondertekeningsgeheim" secret={create.data.secret} />
        <h2 className="utrecht-heading-2">Wat gebeurt er nu</h2>
        <p className="utrecht-paragraph">
          Elk bericht is ondertekend met dit geheim (Standard Webhooks, HMAC-SHA256): uw systeem controleert daarmee dat
          het bericht van het platform komt. Op de pagina van de webhook ziet u elke aflevering en of die lukte.
        </p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/beheer/webhooks/${create.data.id}`}>
            Naar de afleveringen van deze webhook
          </Link>
        </p>
      </>
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      body: {
        url: url.trim(),
        events: events as Array<'obligation.changed'>,
        ...(description.trim() ? { description: description.trim() } : {}),
      },
    });
  };
  const eventsError = fieldProblem(create.error, 'events', sayEvents);
  return (
    <>
      <BackLink to={BACK.to}>{BACK.label}</BackLink>
      <PageHeading>Webhook registreren</PageHeading>
      {create.error && !shownAtFields(create.error, ['url', 'events', 'description']) ? (
        <ErrorAlert error={create.error} />
      ) : null}
      <form onSubmit={submit} noValidate className="admin-form">
        <TextField
          label="Adres (URL)"
          description="Het https-adres van uw systeem dat de berichten ontvangt."
          type="url"
          inputMode="url"
          autoComplete="off"
          value={url}
          onChange={setUrl}
          maxLength={2000}
          error={fieldProblem(create.error, 'url', sayUrl)}
        />
        <fieldset
          className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${eventsError ? ' utrecht-form-fieldset--invalid' : ''}`}
          aria-describedby={eventsError ? 'gebeurtenissen-error' : undefined}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            Gebeurtenissen
          </legend>
          {eventsError ? (
            <div className="utrecht-form-field-error-message" id="gebeurtenissen-error">
              <span aria-hidden="true">✕ </span>
              {eventsError}
            </div>
          ) : null}
          {EVENTS.map((name) => (
            <div className="choice-field" key={name}>
              <Choice
                type="checkbox"
                checked={events.includes(name)}
                onChange={(event) =>
                  setEvents(event.target.checked ? [...events, name] : events.filter((chosen) => chosen !== name))
                }
              >
                {EVENT_NAMES[name]}
              </Choice>
            </div>
          ))}
        </fieldset>
        <TextField
          label="Omschrijving (niet verplicht)"
          value={description}
          onChange={setDescription}
          maxLength={200}
          error={fieldProblem(create.error, 'description', () => 'Gebruik ten hoogste 200 tekens.')}
        />
        <p className="utrecht-paragraph">
          <Button type="submit" busy={create.isPending}>
            Webhook registreren
          </Button>
        </p>
      </form>
    </>
  );
}

/** Removing a webhook: which one, that deliveries stop, then the confirmation. */
export function DeleteWebhookPage() {
  const { id } = useParams();
  const hooks = $api.useQuery('get', '/api/v1/webhooks');
  const step = useStep<null>(null);
  const remove = $api.useMutation('delete', '/api/v1/webhooks/{id}', {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: HOOKS });
      step.confirm();
    },
  });
  const hook = hooks.data?.find((candidate) => candidate.id === id);
  if (step.current === 'done')
    return (
      <RemovedConfirmation title="Webhook verwijderd" back={BACK}>
        Het platform stuurt geen berichten meer naar dit adres; berichten die nog klaarstonden, worden niet verstuurd.
        De afleveringen tot nu toe blijven bewaard.
      </RemovedConfirmation>
    );
  if (hooks.isPending) return <Loading />;
  if (hooks.error) return <ErrorAlert error={hooks.error} />;
  if (!hook)
    return (
      <NothingToRemove title="Webhook verwijderen" back={BACK}>
        Deze webhook bestaat niet of is al verwijderd.
      </NothingToRemove>
    );
  return (
    <RemovalCheck
      back={BACK}
      heading={<PageHeading>Controleer: webhook verwijderen</PageHeading>}
      rows={[
        { key: 'Adres', value: <span className="break-anywhere">{hook.url}</span> },
        { key: 'Gebeurtenissen', value: eventList(hook.events) },
        { key: 'Omschrijving', value: hook.description ?? '-' },
        { key: 'Geregistreerd', value: date(hook.createdAt) },
      ]}
      warning="Verwijderen kan niet ongedaan worden gemaakt. Wilt u later weer berichten ontvangen, dan registreert u de webhook opnieuw (met een nieuw geheim)."
      mutation={remove}
      action="Ja, webhook verwijderen"
      onConfirm={() => remove.mutate({ params: { path: { id: hook.id } } })}
      cancel={{ to: BACK.to }}
    />
  );
}
