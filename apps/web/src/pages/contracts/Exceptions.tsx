import { FormEvent, useState } from 'react';
import { $api, queryClient } from '../../api/client';
import { ApiError, isProblem } from '../../api/errors';
import { PeriodFields, SelectField, TextField } from '../../components/fields';
import { Button, ErrorAlert, Loading, PageHeading } from '../../components/ui';
import { date, plural } from '../../format';
import { Contract, EXCEPTION_KIND, labelOf } from './labels';
import { ISO_DATE } from './steps';
import { ErrorSummary, StepActions } from '../../components/check-answers';
import { ReasonField, TabHeader, TaskConfirmation } from './task';
import { Cell, HeaderCell, RowHeader } from '../../components/lists';

/** The municipalities excepted from a collective contract (a handful: the G4), with their reason. */
export function ExceptionsPage({ contract, mayManage }: { contract: Contract; mayManage: boolean }) {
  const exceptions = $api.useQuery('get', '/api/v1/contracts/{id}/exceptions', {
    params: { path: { id: contract.id } },
  });
  return (
    <>
      <TabHeader
        title="Uitzonderingen"
        task={
          mayManage && contract.kind === 'COLLECTIVE'
            ? { to: `/contracten/${contract.id}/uitzonderingen/toevoegen`, label: 'Uitzondering toevoegen' }
            : null
        }
      >
        Een uitgezonderde gemeente neemt niet deel aan dit contract, bijvoorbeeld omdat zij een eigen contract heeft.
      </TabHeader>
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
                  <HeaderCell>Gemeente</HeaderCell>
                  <HeaderCell>Soort</HeaderCell>
                  <HeaderCell>Reden</HeaderCell>
                  <HeaderCell>Vanaf</HeaderCell>
                  <HeaderCell>Tot en met</HeaderCell>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {[...exceptions.data]
                  .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
                  .map((e) => (
                    <tr key={e.id} className="utrecht-table__row">
                      <RowHeader>
                        {e.name} ({e.code})
                      </RowHeader>
                      <Cell label="Soort">{labelOf(EXCEPTION_KIND, e.kind)}</Cell>
                      <Cell label="Reden">{e.reason}</Cell>
                      <Cell label="Vanaf">{date(e.from)}</Cell>
                      <Cell label="Tot en met">{e.to ? date(e.to) : 'geen einddatum'}</Cell>
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
      <TaskConfirmation
        title="Uitzondering toegevoegd"
        lead={`${add.data.name} (${add.data.code}) is uitgezonderd van ${contract.reference} vanaf ${date(add.data.from)}.`}
        contract={contract}
        impact={add.data.billingImpact}
        back={{ to: back, label: 'Terug naar de uitzonderingen' }}
      />
    );
  }

  const known = add.isError && Object.keys(refusalOf(add.error)).length > 0;
  return (
    <>
      <PageHeading key="form">Uitzondering toevoegen</PageHeading>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} />
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
        <ReasonField
          description="Bijvoorbeeld: G4, eigen contract."
          value={reason}
          onChange={setReason}
          error={errors.reason}
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
        <StepActions cancelTo={back}>
          <Button type="submit" busy={add.isPending}>
            {add.isPending ? 'Bezig…' : 'Uitzondering toevoegen'}
          </Button>
        </StepActions>
      </form>
    </>
  );
}
