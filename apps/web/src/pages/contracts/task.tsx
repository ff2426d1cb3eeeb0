/**
 * What the contract's task pages (amend, terminate, end a participation, add an exception) share:
 * the reason they ask for and the confirmation that says what the change does to documents
 * already issued. One place, so the pages ask and answer in the same words.
 */
import { Link } from 'react-router';
import type { Schema } from '../../api/types';
import { FormEvent, ReactNode } from 'react';
import { TextField } from '../../components/fields';
import { Confirmation, ErrorSummary, StepActions } from '../../components/check-answers';
import { Button, Section } from '../../components/ui';
import { BillingImpact, BillingImpactSummary } from './BillingImpact';
import { Contract } from './labels';

/**
 * The form step of a task: the problems the page found above its fields, then "Doorgaan" (to the
 * check, where nothing is saved yet) beside "Annuleren" (back to `back`).
 */
export function TaskForm({
  errors,
  onSubmit,
  back,
  children,
}: {
  errors: Partial<Record<string, string>>;
  onSubmit: (event: FormEvent) => void;
  back: string;
  children: ReactNode;
}) {
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <ErrorSummary errors={errors} />
      {children}
      <StepActions cancelTo={back}>
        <Button type="submit">Doorgaan</Button>
      </StepActions>
    </form>
  );
}

/** "Reden": required, at most 500 characters as the API allows; `description` gives an example for this task. */
export function ReasonField({
  description,
  value,
  onChange,
  error,
}: {
  description: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <TextField
      id="reason"
      label="Reden"
      description={description}
      value={value}
      onChange={onChange}
      error={error}
      maxLength={500}
      required
    />
  );
}

/**
 * The confirmation of a change to a contract: the green panel with its `lead` sentence, "Wat gebeurt
 * er nu" with the billing impact and the task's own sentences (`children`), and the way back.
 */
export function TaskConfirmation({
  title,
  lead,
  contract,
  impact,
  back,
  children,
}: {
  title: string;
  lead: ReactNode;
  contract: Contract;
  /** The answer's `billingImpact`: the generated schema does not describe its fields, BillingImpact does. */
  impact: Schema<'BillingImpactDto'> | null;
  back: { to: string; label: string };
  children?: ReactNode;
}) {
  return (
    <>
      <Confirmation title={title}>
        <p className="utrecht-paragraph confirmation-lead">{lead}</p>
      </Confirmation>
      <Section id="wat-nu" title="Wat gebeurt er nu" className="what-next">
        <BillingImpactSummary
          impact={impact as BillingImpact | null}
          contractId={contract.id}
          parties={{ supplier: contract.supplier.name, contracting: contract.contractingOrganisation.name }}
        />
        {children}
      </Section>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={back.to}>
          {back.label}
        </Link>
      </p>
    </>
  );
}

/**
 * The top of a contract tab that lists something: its heading, what the list holds (`children`), and
 * the link to the task that adds to it when the user may do that now (`task`).
 */
export function TabHeader({
  title,
  task,
  children,
}: {
  title: string;
  task: { to: string; label: string } | null;
  children: ReactNode;
}) {
  return (
    <>
      <h2 className="utrecht-heading-2">{title}</h2>
      <p className="utrecht-paragraph">{children}</p>
      {task ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={task.to}>
            {task.label}
          </Link>
        </p>
      ) : null}
    </>
  );
}
