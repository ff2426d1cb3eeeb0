import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { $api, queryClient } from '../../api/client';
import { ApiError } from '../../api/errors';
import { TextField } from '../../components/fields';
import { Alert, Button, ErrorAlert, PageHeading, Section } from '../../components/ui';
import { dateLong } from '../../format';
import { BillingImpact, BillingImpactSummary } from './BillingImpact';
import { Contract, period } from './labels';
import { CheckAnswers, Confirmation } from '../../components/check-answers';
import { ISO_DATE } from './steps';

type Step = 'form' | 'check' | 'done';
type Errors = Partial<Record<'terminationDate' | 'reason', string>>;

/** The API's field errors (English) as Dutch messages at this form's fields. */
function fieldErrorsOf(error: unknown, contract: Contract): Errors {
  const errors: Errors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const problem of error.fieldErrors) {
    if (problem.field === 'terminationDate')
      errors.terminationDate = `Kies een datum binnen de looptijd (${period(contract.startDate, contract.endDate)}).`;
    else if (problem.field === 'reason') errors.reason = 'Vul een reden in van 2 tot 500 tekens.';
  }
  if (error.type === 'outside-contract-term' || error.status === 422)
    errors.terminationDate ??= `Kies een datum binnen de looptijd (${period(contract.startDate, contract.endDate)}).`;
  return errors;
}

/** Ends an active contract early: the form, a check (nothing saved before "Bevestigen"), and what happens next. */
export function TerminateContractPage({ contract }: { contract: Contract }) {
  const [step, setStep] = useState<Step>('form');
  const [terminationDate, setTerminationDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const terminate = $api.useMutation('post', '/api/v1/contracts/{id}/terminate', {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/contracts/{id}'] }),
  });
  const back = `/contracten/${contract.id}`;

  const check = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!terminationDate) found.terminationDate = 'Vul de laatste dag in die het contract dekt.';
    else if (!ISO_DATE.test(terminationDate)) found.terminationDate = 'Vul een geldige datum in, zoals 30-06-2027.';
    else if (terminationDate < contract.startDate || (contract.endDate && terminationDate > contract.endDate))
      found.terminationDate = `Kies een datum binnen de looptijd (${period(contract.startDate, contract.endDate)}).`;
    if (reason.trim().length < 2) found.reason = 'Vul de reden van de beëindiging in.';
    else if (reason.length > 500) found.reason = 'De reden mag hoogstens 500 tekens lang zijn.';
    setErrors(found);
    if (Object.keys(found).length === 0) {
      terminate.reset();
      setStep('check');
    }
  };

  const confirm = () =>
    terminate.mutate(
      { params: { path: { id: contract.id } }, body: { terminationDate, reason: reason.trim() } },
      {
        onSuccess: () => setStep('done'),
        onError: (failure) => {
          const mapped = fieldErrorsOf(failure, contract);
          if (Object.keys(mapped).length) {
            setErrors(mapped);
            setStep('form');
          }
        },
      },
    );

  if (contract.status !== 'ACTIVE' && step !== 'done') {
    return (
      <>
        <PageHeading key="form">Contract beëindigen</PageHeading>
        <Alert type="info">Alleen een actief contract kan worden beëindigd.</Alert>
      </>
    );
  }

  if (step === 'done' && terminate.data) {
    return (
      <>
        <Confirmation title="Contract beëindigd">
          <p className="utrecht-paragraph confirmation-lead">
            {contract.reference} dekt de gemeenten tot en met {dateLong(terminate.data.endDate)}.
          </p>
        </Confirmation>
        <Section id="wat-nu" title="Wat gebeurt er nu" className="what-next">
          <BillingImpactSummary
            impact={terminate.data.billingImpact as BillingImpact | null}
            contractId={contract.id}
            parties={{ supplier: contract.supplier.name, contracting: contract.contractingOrganisation.name }}
          />
          <p className="utrecht-paragraph">
            Gemeenten die na {dateLong(terminate.data.endDate)} geen ander contract hebben, voldoen vanaf dan niet meer
            aan hun plicht; het landelijk overzicht laat dat zien.
          </p>
        </Section>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={back}>
            Terug naar het contract
          </Link>
        </p>
      </>
    );
  }

  if (step === 'check') {
    return (
      <>
        <PageHeading key="check">Controleer de beëindiging van het contract</PageHeading>
        <p className="utrecht-paragraph">
          Er is nog niets opgeslagen. Een beëindiging kan niet ongedaan worden gemaakt. Klopt alles, kies dan
          Bevestigen.
        </p>
        <CheckAnswers
          rows={[
            { key: 'Contract', value: `${contract.reference}: ${contract.title}` },
            { key: 'Looptijd nu', value: period(contract.startDate, contract.endDate) },
            {
              key: 'Laatste dag van het contract',
              value: dateLong(terminationDate),
              change: { label: 'laatste dag van het contract', onClick: () => setStep('form') },
            },
            { key: 'Reden', value: reason.trim(), change: { label: 'reden', onClick: () => setStep('form') } },
          ]}
        />
        {terminate.isError ? <ErrorAlert error={terminate.error} /> : null}
        <div className="actions">
          <Button busy={terminate.isPending} onClick={confirm}>
            {terminate.isPending ? 'Bezig…' : 'Bevestigen'}
          </Button>
        </div>
      </>
    );
  }

  const messages = Object.values(errors).filter(Boolean);
  return (
    <>
      <PageHeading key="form">Contract beëindigen</PageHeading>
      <p className="utrecht-paragraph">
        Het contract loopt {period(contract.startDate, contract.endDate)}. Na de laatste dag dekt het geen gemeente
        meer.
      </p>
      <form className="form" noValidate onSubmit={check}>
        {messages.length ? (
          <Alert type="error" heading="Controleer het formulier">
            {messages.join(' ')}
          </Alert>
        ) : null}
        <TextField
          id="terminationDate"
          label="Laatste dag van het contract"
          type="date"
          value={terminationDate}
          onChange={setTerminationDate}
          error={errors.terminationDate}
          required
        />
        <TextField
          id="reason"
          label="Reden"
          description="Bijvoorbeeld: opgezegd per 1 juli."
          value={reason}
          onChange={setReason}
          error={errors.reason}
          maxLength={500}
          required
        />
        <div className="actions">
          <Button type="submit">Doorgaan</Button>
          <Link className="utrecht-link" to={back}>
            Annuleren
          </Link>
        </div>
      </form>
    </>
  );
}
