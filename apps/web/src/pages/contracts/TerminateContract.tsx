import { FormEvent, useState } from 'react';
import { $api, queryClient } from '../../api/client';
import { ApiError } from '../../api/errors';
import { TextField } from '../../components/fields';
import { Alert, PageHeading } from '../../components/ui';
import { dateLong } from '../../format';
import { Contract, period } from './labels';
import { CheckAnswers, ConfirmActions } from '../../components/check-answers';
import { ISO_DATE } from './steps';
import { ReasonField, TaskConfirmation, TaskForm } from './task';

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
      <TaskConfirmation
        title="Contract beëindigd"
        lead={`${contract.reference} dekt de gemeenten tot en met ${dateLong(terminate.data.endDate)}.`}
        contract={contract}
        impact={terminate.data.billingImpact}
        back={{ to: back, label: 'Terug naar het contract' }}
      >
        <p className="utrecht-paragraph">
          Gemeenten die na {dateLong(terminate.data.endDate)} geen ander contract hebben, voldoen vanaf dan niet meer
          aan hun plicht; het landelijk overzicht laat dat zien.
        </p>
      </TaskConfirmation>
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
        <ConfirmActions mutation={terminate} onConfirm={confirm} />
      </>
    );
  }

  return (
    <>
      <PageHeading key="form">Contract beëindigen</PageHeading>
      <p className="utrecht-paragraph">
        Het contract loopt {period(contract.startDate, contract.endDate)}. Na de laatste dag dekt het geen gemeente
        meer.
      </p>
      <TaskForm errors={errors} onSubmit={check} back={back}>
        <TextField
          id="terminationDate"
          label="Laatste dag van het contract"
          type="date"
          value={terminationDate}
          onChange={setTerminationDate}
          error={errors.terminationDate}
          required
        />
        <ReasonField
          description="Bijvoorbeeld: opgezegd per 1 juli."
          value={reason}
          onChange={setReason}
          error={errors.reason}
        />
      </TaskForm>
    </>
  );
}
