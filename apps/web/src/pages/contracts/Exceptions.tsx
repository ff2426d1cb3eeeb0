import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { $api, queryClient } from '../../api/client';
import { ApiError, isProblem } from '../../api/errors';
import { PeriodFields, SelectField, TextField } from '../../components/fields';
import { Alert, Button, ErrorAlert, Loading, PageHeading, Section } from '../../components/ui';
import { date, plural } from '../../format';
import { BillingImpact, BillingImpactSummary } from './BillingImpact';
import { Contract, EXCEPTION_KIND, labelOf } from './labels';
import { ISO_DATE } from './steps';
import { Confirmation } from '../../components/check-answers';

/** The municipalities excepted from a collective contract (a handful: the G4), with their reason. */
export function ExceptionsPage({ contract, mayManage }: { contract: Contract; mayManage: boolean }) {
  const exceptions = $api.useQuery('get', '/api/v1/contracts/{id}/exceptions', {
    params: { path: { id: contract.id } },
  });
  return (
    <>
      <h2 className="utrecht-heading-2">Uitzonderingen</h2>
      <p className="utrecht-paragraph">
        Een uitgezonderde gemeente neemt niet deel aan dit contract, bijvoorbeeld omdat zij een eigen contract heeft.
      </p>
      {mayManage && contract.kind === 'COLLECTIVE' ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/contracten/${contract.id}/uitzonderingen/toevoegen`}>
            Uitzondering toevoegen
          </Link>
        </p>
      ) : null}
      {exceptions.isPending ? <Loading label="Uitzonderingen worden geladen…" /> : null}
      {exceptions.isError ? <ErrorAlert error={exceptions.error} /> : null}
      {exceptions.data ? (
        exceptions.data.length === 0 ? (
          <p className="utrecht-paragraph">Er zijn geen gemeenten uitgezonderd.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Gemeenten die niet deelnemen">
            <table className="utrecht-table portal-table--cards">
              <caption className="utrecht-table__caption">
                Gemeenten die niet deelnemen ({plural(exceptions.data.length, 'gemeente', 'gemeenten')})
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">
                    Gemeente
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    Soort
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    Reden
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    Vanaf
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    Tot en met
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {[...exceptions.data]
                  .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
                  .map((e) => (
                    <tr key={e.id} className="utrecht-table__row">
                      <th className="utrecht-table__header-cell" scope="row">
                        {e.name} ({e.code})
                      </th>
                      <td className="utrecht-table__cell" data-label="Soort">
                        {labelOf(EXCEPTION_KIND, e.kind)}
                      </td>
                      <td className="utrecht-table__cell" data-label="Reden">
                        {e.reason}
                      </td>
                      <td className="utrecht-table__cell" data-label="Vanaf">
                        {date(e.from)}
                      </td>
                      <td className="utrecht-table__cell" data-label="Tot en met">
                        {e.to ? date(e.to) : 'geen einddatum'}
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

type Errors = Partial<Record<'code' | 'kind' | 'reason' | 'from' | 'to', string>>;

/** Why the API refused the exception, in Dutch, at the field it concerns. */
function refusalOf(error: unknown): Errors {
  if (!(error instanceof ApiError)) return {};
  const errors: Errors = {};
  for (const problem of error.fieldErrors) {
    if (problem.field === 'code')
      errors.code = problem.message.includes('collective')
        ? 'Uitzonderingen gelden alleen voor collectieve contracten.'
        : 'Dit is geen gemeentecode. Een code is GM met vier cijfers, zoals GM0363.';
    else if (problem.field === 'reason') errors.reason = 'Vul een reden in van 2 tot 500 tekens.';
    else if (problem.field === 'from') errors.from = 'Vul een geldige datum in.';
    else if (problem.field === 'to') errors.to = 'De einddatum mag niet vóór de begindatum liggen.';
    else if (problem.field === 'kind') errors.kind = 'Kies een soort uitzondering.';
  }
  if (isProblem(error) && error.status === 409)
    errors.code = 'Deze gemeente neemt in die periode deel of is al uitgezonderd. Beëindig eerst de deelname.';
  if (isProblem(error) && error.status === 404) errors.code = 'Deze gemeentecode bestaat niet.';
  return errors;
}

/** "Uitzondering toevoegen": a municipality excepted from the contract (or an opt-out), from a date. */
export function AddExceptionPage({ contract }: { contract: Contract }) {
  const [code, setCode] = useState('');
  const [kind, setKind] = useState('EXCLUDED');
  const [reason, setReason] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const add = $api.useMutation('post', '/api/v1/contracts/{id}/exceptions', {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/contracts/{id}/exceptions'] }),
  });
  const back = `/contracten/${contract.id}/uitzonderingen`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    const normalised = code.trim().toUpperCase();
    if (!/^GM\d{4}$/.test(normalised)) found.code = 'Vul een gemeentecode in: GM met vier cijfers, zoals GM0363.';
    if (reason.trim().length < 2) found.reason = 'Vul de reden van de uitzondering in.';
    if (from && !ISO_DATE.test(from)) found.from = 'Vul een geldige datum in, of laat dit veld leeg.';
    if (to && !ISO_DATE.test(to)) found.to = 'Vul een geldige datum in, of laat dit veld leeg.';
    else if (to && from && to < from) found.to = 'De einddatum mag niet vóór de begindatum liggen.';
    setErrors(found);
    if (Object.keys(found).length) return;
    add.mutate(
      {
        params: { path: { id: contract.id } },
        body: {
          code: normalised,
          kind: kind as 'EXCLUDED' | 'OPT_OUT',
          reason: reason.trim(),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
        },
      },
      { onError: (failure) => setErrors(refusalOf(failure)) },
    );
  };

  if (add.data) {
    return (
      <>
        <Confirmation title="Uitzondering toegevoegd">
          <p className="utrecht-paragraph confirmation-lead">
            {add.data.name} ({add.data.code}) is uitgezonderd van {contract.reference} vanaf {date(add.data.from)}.
          </p>
        </Confirmation>
        <Section id="wat-nu" title="Wat gebeurt er nu" className="what-next">
          <BillingImpactSummary
            impact={add.data.billingImpact as BillingImpact | null}
            contractId={contract.id}
            parties={{ supplier: contract.supplier.name, contracting: contract.contractingOrganisation.name }}
          />
        </Section>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={back}>
            Terug naar de uitzonderingen
          </Link>
        </p>
      </>
    );
  }

  const messages = Object.values(errors).filter(Boolean);
  const known = add.isError && Object.keys(refusalOf(add.error)).length > 0;
  return (
    <>
      <PageHeading key="form">Uitzondering toevoegen</PageHeading>
      <form className="form" noValidate onSubmit={submit}>
        {messages.length ? (
          <Alert type="error" heading="Controleer het formulier">
            {messages.join(' ')}
          </Alert>
        ) : null}
        {add.isError && !known ? <ErrorAlert error={add.error} /> : null}
        <TextField
          id="code"
          label="Gemeentecode"
          description="Bijvoorbeeld GM0363 (Amsterdam)."
          value={code}
          onChange={setCode}
          error={errors.code}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <SelectField
          id="kind"
          label="Soort"
          value={kind}
          onChange={setKind}
          error={errors.kind}
          options={Object.entries(EXCEPTION_KIND).map(([value, label]) => [value, label] as const)}
        />
        <TextField
          id="reason"
          label="Reden"
          description="Bijvoorbeeld: G4, eigen contract."
          value={reason}
          onChange={setReason}
          error={errors.reason}
          maxLength={500}
          required
        />
        <PeriodFields
          from={{
            id: 'from',
            label: 'Vanaf (niet verplicht)',
            description: 'Leeg laten: vanaf het begin van het contract.',
            value: from,
            onChange: setFrom,
            error: errors.from,
          }}
          to={{
            id: 'to',
            label: 'Tot en met (niet verplicht)',
            description: 'Leeg laten: zolang het contract loopt.',
            value: to,
            onChange: setTo,
            error: errors.to,
          }}
        />
        <div className="actions">
          <Button type="submit" busy={add.isPending}>
            {add.isPending ? 'Bezig…' : 'Uitzondering toevoegen'}
          </Button>
          <Link className="utrecht-link" to={back}>
            Annuleren
          </Link>
        </div>
      </form>
    </>
  );
}
