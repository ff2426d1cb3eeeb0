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
import type { Role } from '../../api/types';
import { Confirmation, useStep } from '../../components/check-answers';
import { TextField } from '../../components/fields';
import { Button, ErrorAlert, Loading, PageHeading, StatusBadge } from '../../components/ui';
import { date } from '../../format';
import { useMe } from '../../session';
import {
  BackLink,
  BackTo,
  fieldProblem,
  grantableRoles,
  NothingToRemove,
  OnceSecret,
  RemovalCheck,
  RemovedConfirmation,
  RoleChoices,
  roleList,
  sayRoles,
  shownAtFields,
} from './shared';

const KEYS = ['get', '/api/v1/api-keys'] as const;
const BACK: BackTo = { to: '/beheer/api-sleutels', label: 'Terug naar API-sleutels' };

/** The organisation's API keys: which exist, what they may do, when they were last used. */
export function ApiKeysPage() {
  const keys = $api.useQuery('get', '/api/v1/api-keys');
  return (
    <>
      <BackLink to="/beheer">Terug naar Beheer</BackLink>
      <PageHeading>API-sleutels</PageHeading>
      <p className="utrecht-paragraph">
        Met een API-sleutel haalt een systeem van uw organisatie zelf gegevens op, zonder dat iemand inlogt. Een sleutel
        heeft nooit meer rechten dan degene die hem aanmaakte.
      </p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-button-link utrecht-button-link--primary-action" to="/beheer/api-sleutels/nieuw">
          Nieuwe API-sleutel
        </Link>
      </p>
      {keys.isPending ? <Loading /> : null}
      {keys.error ? <ErrorAlert error={keys.error} /> : null}
      {keys.data?.length === 0 ? (
        <p className="utrecht-paragraph">Uw organisatie heeft nog geen API-sleutels.</p>
      ) : null}
      {keys.data?.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="API-sleutels">
          <Table className="portal-table portal-table--cards">
            <TableCaption>API-sleutels van uw organisatie</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Naam</TableHeaderCell>
                <TableHeaderCell scope="col">Begint met</TableHeaderCell>
                <TableHeaderCell scope="col">Rollen</TableHeaderCell>
                <TableHeaderCell scope="col">Aangemaakt</TableHeaderCell>
                <TableHeaderCell scope="col">Laatst gebruikt</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">
                  <span className="visually-hidden">Actie</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {keys.data.map((key) => (
                <TableRow key={key.id}>
                  <TableCell data-label="Naam">{key.name}</TableCell>
                  <TableCell data-label="Begint met">
                    <code>{key.prefix}</code>
                  </TableCell>
                  <TableCell data-label="Rollen">{roleList(key.roles)}</TableCell>
                  <TableCell data-label="Aangemaakt">{date(key.createdAt)}</TableCell>
                  <TableCell data-label="Laatst gebruikt">{date(key.lastUsedAt)}</TableCell>
                  <TableCell data-label="Status">
                    {key.revokedAt ? (
                      <StatusBadge tone="neutral">Ingetrokken {date(key.revokedAt)}</StatusBadge>
                    ) : (
                      <StatusBadge tone="valid">Actief</StatusBadge>
                    )}
                  </TableCell>
                  <TableCell data-label="Actie">
                    {key.revokedAt ? null : (
                      <Link className="utrecht-link" to={`/beheer/api-sleutels/${key.id}/intrekken`}>
                        Intrekken<span className="visually-hidden"> {key.name}</span>
                      </Link>
                    )}
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

const sayName = (message: string) =>
  /empty/.test(message)
    ? 'Vul een naam in.'
    : /100/.test(message)
      ? 'Gebruik ten hoogste 100 tekens.'
      : 'Vul een geldige naam in.';

/** A new key: name and roles; the secret is shown once, with a warning and a copy button. */
export function NewApiKeyPage() {
  const me = useMe();
  const roles = grantableRoles(me);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<Role[]>([]);
  const create = $api.useMutation('post', '/api/v1/api-keys', {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEYS }),
  });

  if (create.data) {
    return (
      <>
        <Confirmation title="API-sleutel aangemaakt" />
        <p className="utrecht-paragraph">
          De sleutel <strong>{create.data.name}</strong> heeft de rollen {roleList(create.data.roles)}.
        </p>
        <OnceSecret label="de sleutel" secret={create.data.secret} />
        <h2 className="utrecht-heading-2">Wat gebeurt er nu</h2>
        <p className="utrecht-paragraph">
          Het systeem stuurt de sleutel mee in de kop <code>Authorization: Bearer …</code>. U kunt de sleutel op elk
          moment intrekken; hij werkt dan meteen niet meer.
        </p>
        <BackLink to={BACK.to}>{BACK.label}</BackLink>
      </>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ body: { name, roles: chosen } });
  };
  const fields = ['name', 'roles'];
  return (
    <>
      <BackLink to={BACK.to}>{BACK.label}</BackLink>
      <PageHeading>Nieuwe API-sleutel</PageHeading>
      {create.error && !shownAtFields(create.error, fields, ['roles-too-wide']) ? (
        <ErrorAlert error={create.error} />
      ) : null}
      <form onSubmit={submit} noValidate className="admin-form">
        <TextField
          label="Naam"
          description="Waarvoor de sleutel is, bijvoorbeeld ‘Financieel systeem facturen ophalen’."
          value={name}
          onChange={setName}
          maxLength={100}
          error={fieldProblem(create.error, 'name', sayName)}
        />
        <RoleChoices
          legend="Rollen"
          description="Alleen rollen die u zelf heeft."
          roles={roles}
          value={chosen}
          onChange={setChosen}
          error={fieldProblem(create.error, 'roles', sayRoles, ['roles-too-wide'])}
        />
        <p className="utrecht-paragraph">
          <Button type="submit" busy={create.isPending}>
            Sleutel aanmaken
          </Button>
        </p>
      </form>
    </>
  );
}

/** Revoking a key: what it is, that it cannot be undone, then the confirmation. */
export function RevokeApiKeyPage() {
  const { id } = useParams();
  const keys = $api.useQuery('get', '/api/v1/api-keys');
  const step = useStep<null>(null);
  const revoke = $api.useMutation('delete', '/api/v1/api-keys/{id}', {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: KEYS });
      step.confirm();
    },
  });
  const key = keys.data?.find((candidate) => candidate.id === id);
  if (step.current === 'done')
    return (
      <RemovedConfirmation title="API-sleutel ingetrokken" back={BACK}>
        Het systeem dat de sleutel {key ? <strong>{key.name}</strong> : null} gebruikte, krijgt vanaf nu geen toegang
        meer. Heeft het systeem nog toegang nodig, maak dan een nieuwe sleutel.
      </RemovedConfirmation>
    );
  if (keys.isPending) return <Loading />;
  if (keys.error) return <ErrorAlert error={keys.error} />;
  if (!key || key.revokedAt)
    return (
      <NothingToRemove title="API-sleutel intrekken" back={BACK}>
        Deze sleutel bestaat niet of is al ingetrokken.
      </NothingToRemove>
    );
  return (
    <RemovalCheck
      back={BACK}
      heading={<PageHeading>Controleer: API-sleutel intrekken</PageHeading>}
      rows={[
        { key: 'Naam', value: key.name },
        { key: 'Begint met', value: <code>{key.prefix}</code> },
        { key: 'Rollen', value: roleList(key.roles) },
        { key: 'Laatst gebruikt', value: date(key.lastUsedAt) },
      ]}
      warning="Intrekken kan niet ongedaan worden gemaakt. Systemen die deze sleutel gebruiken, krijgen meteen geen toegang meer."
      mutation={revoke}
      action="Ja, sleutel intrekken"
      onConfirm={() => revoke.mutate({ params: { path: { id: key.id } } })}
      cancel={{ to: BACK.to }}
    />
  );
}
