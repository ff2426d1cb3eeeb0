import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { $api, queryClient } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Role } from '../../api/types';
import { Confirmation, useStep } from '../../components/check-answers';
import { SelectField, TextField } from '../../components/fields';
import {
  Cell,
  HeaderCell,
  Pagination,
  queryOf,
  ResultCount,
  SearchForm,
  SortableHeader,
  useListParams,
} from '../../components/lists';
import { Alert, Button, DataList, ErrorAlert, Loading, PageHeading, Section, StatusBadge } from '../../components/ui';
import { date, dateLong } from '../../format';
import { useMe } from '../../session';
import {
  BackLink,
  BackTo,
  QueryOf,
  fieldProblem,
  grantableRoles,
  RemovalCheck,
  RemovedConfirmation,
  RoleChoices,
  roleList,
  sayRoles,
  shownAtFields,
  tableDateTime,
} from './shared';

const BACK: BackTo = { to: '/beheer/gebruikers', label: 'Terug naar Gebruikers' };

/** Every cached answer about users (the list in any order, each user): refreshed after a change. */
const invalidateUsers = () =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/users'] }),
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/users/{id}'] }),
  ]);

/** The orders of the list, for phones (where the table's headers, which sort it, are hidden). */
const SORT_OPTIONS = [
  ['name', 'Naam (A-Z)'],
  ['-name', 'Naam (Z-A)'],
  ['email', 'E-mailadres (A-Z)'],
  ['-lastLoginAt', 'Laatst ingelogd (nieuwste eerst)'],
  ['-createdAt', 'Aangemaakt (nieuwste eerst)'],
] as const;

const ACTIVE_OPTIONS = [
  ['true', 'Actief'],
  ['false', 'Gedeactiveerd'],
] as const;

function ActiveBadge({ active }: { active: boolean }) {
  return active ? (
    <StatusBadge tone="valid">Actief</StatusBadge>
  ) : (
    <StatusBadge tone="neutral">Gedeactiveerd</StatusBadge>
  );
}

/** The organisation's users, searched, filtered and sorted on the server. */
export function UsersPage() {
  const list = useListParams({ sort: 'name', limit: 25, active: '' });
  const users = $api.useQuery('get', '/api/v1/users', {
    params: { query: queryOf(list.params) as QueryOf<'/api/v1/users'> },
  });
  return (
    <>
      <BackLink to="/beheer">Terug naar Beheer</BackLink>
      <PageHeading>Gebruikers</PageHeading>
      <p className="utrecht-paragraph">
        <Link className="utrecht-button-link utrecht-button-link--primary-action" to="/beheer/gebruikers/nieuw">
          Nieuwe gebruiker
        </Link>
      </p>
      <div className="list-filters">
        <SearchForm list={list} label="Zoek op naam of e-mailadres" />
        <SelectField
          label="Status"
          placeholder="Alle gebruikers"
          options={ACTIVE_OPTIONS}
          value={list.params.active}
          onChange={(value) => list.set({ active: value })}
        />
        <div className="narrow-only">
          <SelectField
            label="Volgorde"
            options={SORT_OPTIONS}
            value={list.params.sort}
            onChange={(sort) => list.set({ sort })}
          />
        </div>
      </div>
      <ResultCount total={users.data?.total} one="gebruiker" many="gebruikers">
        {list.params.q ? <>voor ‘{list.params.q}’</> : null}
      </ResultCount>
      {users.isPending ? <Loading /> : null}
      {users.error ? <ErrorAlert error={users.error} /> : null}
      {users.data && users.data.items.length === 0 ? (
        <p className="utrecht-paragraph">Geen gebruikers gevonden. Pas de zoekopdracht of het filter aan.</p>
      ) : null}
      {users.data?.items.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="gebruikers-caption">
          <table className="utrecht-table portal-table portal-table--cards">
            <caption id="gebruikers-caption" className="utrecht-table__caption">
              Gebruikers van uw organisatie
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <SortableHeader list={list} field="name" label="Naam" />
                <SortableHeader list={list} field="email" label="E-mailadres" />
                <HeaderCell>Rollen</HeaderCell>
                <HeaderCell>Status</HeaderCell>
                <SortableHeader list={list} field="lastLoginAt" label="Laatst ingelogd" descendingFirst />
                <SortableHeader list={list} field="createdAt" label="Aangemaakt" descendingFirst />
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {users.data.items.map((user) => (
                <tr key={user.id} className="utrecht-table__row">
                  <Cell label="Naam">
                    <Link className="utrecht-link" to={`/beheer/gebruikers/${user.id}`}>
                      {user.name}
                    </Link>
                  </Cell>
                  <Cell label="E-mailadres" className="break-anywhere">
                    {user.email}
                  </Cell>
                  <Cell label="Rollen">{roleList(user.roles)}</Cell>
                  <Cell label="Status">
                    <ActiveBadge active={user.active} />
                  </Cell>
                  <Cell label="Laatst ingelogd">{tableDateTime(user.lastLoginAt)}</Cell>
                  <Cell label="Aangemaakt">{date(user.createdAt)}</Cell>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination list={list} total={users.data?.total} />
    </>
  );
}

const sayName = (message: string) => (/empty/.test(message) ? 'Vul een naam in.' : 'Gebruik ten hoogste 200 tekens.');
const sayEmail = (message: string) =>
  /already|taken|account/.test(message)
    ? 'Dit e-mailadres heeft al een account.'
    : 'Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.';
function sayPassword(message: string): string {
  if (/at least/.test(message)) return 'Gebruik ten minste 12 tekens.';
  if (/at most/.test(message)) return 'Gebruik ten hoogste 200 tekens.';
  if (/e-mail address/.test(message)) return 'Het wachtwoord mag niet het e-mailadres zijn.';
  if (/single character/.test(message)) return 'Het wachtwoord mag niet uit één herhaald teken bestaan.';
  if (/common/.test(message)) return 'Dit wachtwoord komt te vaak voor. Kies een ander.';
  return 'Kies een ander wachtwoord.';
}

/** The e-mail address already has an account (409): said at the field. */
const emailError = (error: unknown) =>
  error instanceof ApiError && error.status === 409 ? sayEmail('already') : fieldProblem(error, 'email', sayEmail);

/** A new user in the own organisation, with roles the administrator holds. */
export function NewUserPage() {
  const me = useMe();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const create = $api.useMutation('post', '/api/v1/users', { onSuccess: () => void invalidateUsers() });

  if (create.data)
    return (
      <>
        <Confirmation title="Gebruiker aangemaakt" />
        <DataList
          items={[
            ['Naam', create.data.name],
            ['E-mailadres', create.data.email],
            ['Rollen', roleList(create.data.roles)],
          ]}
        />
        <h2 className="utrecht-heading-2">Wat gebeurt er nu</h2>
        <p className="utrecht-paragraph">
          Geef het wachtwoord op een veilige manier door, niet in dezelfde e-mail als het e-mailadres.{' '}
          {create.data.name} kan daarna meteen inloggen.
        </p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/beheer/gebruikers/${create.data.id}`}>
            Naar {create.data.name}
          </Link>{' '}
          ·{' '}
          <Link className="utrecht-link" to="/beheer/gebruikers">
            Naar alle gebruikers
          </Link>
        </p>
      </>
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ body: { name: name.trim(), email: email.trim(), password, roles } });
  };
  const refusedAtField =
    shownAtFields(create.error, ['name', 'email', 'password', 'roles'], ['roles-too-wide']) ||
    (create.error instanceof ApiError && create.error.status === 409);
  return (
    <>
      <BackLink to={BACK.to}>{BACK.label}</BackLink>
      <PageHeading>Nieuwe gebruiker</PageHeading>
      <p className="utrecht-paragraph">De gebruiker komt in uw organisatie, {me.organisation.name}.</p>
      {create.error && !refusedAtField ? <ErrorAlert error={create.error} /> : null}
      <form onSubmit={submit} noValidate className="admin-form">
        <TextField
          label="Naam"
          autoComplete="off"
          value={name}
          onChange={setName}
          maxLength={200}
          error={fieldProblem(create.error, 'name', sayName)}
        />
        <TextField
          label="E-mailadres"
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          maxLength={254}
          error={emailError(create.error)}
        />
        <TextField
          label="Eerste wachtwoord"
          description="Ten minste 12 tekens. Geef het op een veilige manier door."
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          maxLength={200}
          error={fieldProblem(create.error, 'password', sayPassword)}
        />
        <RoleChoices
          legend="Rollen"
          description="U kunt alleen rollen geven die u zelf heeft."
          roles={grantableRoles(me)}
          value={roles}
          onChange={setRoles}
          error={fieldProblem(create.error, 'roles', sayRoles, ['roles-too-wide'])}
        />
        <p className="utrecht-paragraph">
          <Button type="submit" busy={create.isPending}>
            Gebruiker aanmaken
          </Button>
        </p>
      </form>
    </>
  );
}

/** One user: details, roles to change, and deactivation behind a check. */
export function UserPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const user = $api.useQuery('get', '/api/v1/users/{id}', { params: { path: { id } } });
  const { current: stage, check, edit, confirm, headingRef } = useStep<null>(null);
  const [roles, setRoles] = useState<Role[] | null>(null);
  const [saved, setSaved] = useState(false);
  const update = $api.useMutation('patch', '/api/v1/users/{id}', {
    onSuccess: () => void invalidateUsers(),
  });
  const deactivate = $api.useMutation('patch', '/api/v1/users/{id}', {
    onSuccess: () => {
      void invalidateUsers();
      confirm();
    },
  });

  if (user.isPending) return <Loading />;
  if (user.error) return <ErrorAlert error={user.error} />;
  const person = user.data;
  const self = person.id === me.id;

  if (stage === 'done')
    return (
      <RemovedConfirmation title={`${person.name} is gedeactiveerd`} back={BACK}>
        {person.name} kan niet meer inloggen. Sessies die nog openstaan, eindigen binnen 15 minuten. De gegevens en het
        auditlog van deze gebruiker blijven bewaard.
      </RemovedConfirmation>
    );

  if (stage === 'check')
    return (
      <RemovalCheck
        back={BACK}
        heading={
          <h1 className="utrecht-heading-1" tabIndex={-1} ref={headingRef}>
            Controleer: {person.name} deactiveren
          </h1>
        }
        rows={[
          { key: 'Naam', value: person.name },
          { key: 'E-mailadres', value: person.email },
          { key: 'Rollen', value: roleList(person.roles) },
          { key: 'Laatst ingelogd', value: tableDateTime(person.lastLoginAt) },
        ]}
        warning={`${person.name} kan meteen niet meer inloggen en alle sessies van deze gebruiker worden beëindigd. Dat kunt u niet terugdraaien: ook als u de gebruiker later weer activeert, moet die opnieuw inloggen.`}
        mutation={deactivate}
        action="Ja, deactiveren"
        onConfirm={() => deactivate.mutate({ params: { path: { id } }, body: { active: false } })}
        cancel={{ onClick: edit }}
      />
    );

  const current = roles ?? person.roles;
  const grantable = [...new Set([...grantableRoles(me), ...person.roles])];
  const saveRoles = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate(
      { params: { path: { id } }, body: { roles: current } },
      {
        onSuccess: () => {
          setRoles(null);
          setSaved(true);
        },
      },
    );
  };
  return (
    <>
      <BackLink to={BACK.to}>{BACK.label}</BackLink>
      <PageHeading>{person.name}</PageHeading>
      <DataList
        items={[
          ['E-mailadres', person.email],
          ['Rollen', roleList(person.roles)],
          ['Status', <ActiveBadge key="status" active={person.active} />],
          ['Laatst ingelogd', person.lastLoginAt ? tableDateTime(person.lastLoginAt) : 'Nog nooit'],
          ['Aangemaakt', dateLong(person.createdAt)],
        ]}
      />
      {person.active ? (
        <Section id="rollen-wijzigen" title="Rollen wijzigen">
          <p className="utrecht-paragraph">
            Na een wijziging moet {self ? 'u' : person.name} opnieuw inloggen; lopende sessies eindigen.
          </p>
          {saved ? <Alert type="ok">De rollen zijn gewijzigd.</Alert> : null}
          {update.error && !shownAtFields(update.error, ['roles'], ['roles-too-wide']) ? (
            <ErrorAlert error={update.error} />
          ) : null}
          <form onSubmit={saveRoles} noValidate className="admin-form">
            <RoleChoices
              legend="Rollen"
              description="U kunt alleen rollen geven die u zelf heeft."
              roles={grantable}
              value={current}
              onChange={(next) => {
                setRoles(next);
                setSaved(false);
              }}
              error={fieldProblem(update.error, 'roles', sayRoles, ['roles-too-wide'])}
            />
            <p className="utrecht-paragraph">
              <Button type="submit" variant="secondary" busy={update.isPending}>
                Rollen opslaan
              </Button>
            </p>
          </form>
        </Section>
      ) : null}
      <Section id="toegang" title="Toegang">
        {self ? (
          <p className="utrecht-paragraph">U kunt uzelf niet deactiveren. Vraag dat aan een andere beheerder.</p>
        ) : person.active ? (
          <>
            <p className="utrecht-paragraph">
              Werkt {person.name} niet meer met het platform? Deactiveer de gebruiker: inloggen kan dan niet meer.
            </p>
            <Button variant="secondary" onClick={() => check(null)}>
              Gebruiker deactiveren
            </Button>
          </>
        ) : (
          <>
            <p className="utrecht-paragraph">{person.name} is gedeactiveerd en kan niet inloggen.</p>
            {update.error ? <ErrorAlert error={update.error} /> : null}
            <Button
              variant="secondary"
              busy={update.isPending}
              onClick={() => update.mutate({ params: { path: { id } }, body: { active: true } })}
            >
              Weer activeren
            </Button>
          </>
        )}
      </Section>
    </>
  );
}
