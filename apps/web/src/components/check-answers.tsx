/**
 * Form → check → confirmation on one route (the gov.uk pattern), state kept in the component:
 *
 *   const step = useStep<FormValues>(initialValues);
 *   const end = $api.useMutation('post', '/api/v1/contracts/{id}/participants/{code}/end', {
 *     onSuccess: () => { void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/contracts/{id}'] }); step.confirm(); },
 *   });
 *   if (step.current === 'form') return <MyForm values={step.values} onSubmit={(values) => step.check(values)} />;
 *   if (step.current === 'check')
 *     return (<>
 *       <CheckAnswers rows={[{ key: 'Deelnemer', value: 'Assen', change: { onClick: step.edit, label: 'deelnemer' } }]} />
 *       <Button busy={end.isPending} onClick={() => end.mutate({ params: …, body: … })}>Beëindigen</Button>
 *     </>);
 *   return <Confirmation title="Deelname beëindigd">…<h2>Wat gebeurt er nu</h2>…</Confirmation>;
 *
 * Going back from the check (`step.edit()`) shows the form with the values entered; the confirmation
 * shows only after the mutation succeeded (call `step.confirm()` in its onSuccess). Each step change
 * moves focus to the step's heading (give it `tabIndex={-1}` and `ref={step.headingRef}`) or top.
 */
import { ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, ErrorAlert } from './ui';

export interface CheckAnswerRow {
  key: string;
  value: ReactNode;
  /** A "Wijzigen" link (to another address) or button (back to the form on this page), named by `label`. */
  change?: { label: string } & ({ to: string } | { onClick: () => void });
}

/** A summary list of what was entered, each with a "Wijzigen" link (with hidden context for screen readers). */
export function CheckAnswers({ rows }: { rows: CheckAnswerRow[] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows check-answers">
      {rows.map((row) => (
        <div key={row.key} className="utrecht-data-list__item check-answers__row">
          <dt className="utrecht-data-list__item-key check-answers__key">{row.key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd check-answers__value">
            {row.value}
          </dd>
          {row.change ? (
            <dd className="check-answers__actions">
              {'to' in row.change ? (
                <Link className="utrecht-link" to={row.change.to}>
                  Wijzigen<span className="visually-hidden"> {row.change.label}</span>
                </Link>
              ) : (
                <button type="button" className="utrecht-link link-button" onClick={row.change.onClick}>
                  Wijzigen<span className="visually-hidden"> {row.change.label}</span>
                </button>
              )}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

/**
 * The green panel that says a change has been made (its title is the page's h1 for that step, and gets
 * focus), then what the page writes below it: a "Wat gebeurt er nu" section as an h2.
 */
export function Confirmation({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Luisterend oor`;
    ref.current?.focus();
  }, [title]);
  return (
    <>
      <div className="confirmation-panel" role="status">
        <h1 ref={ref} tabIndex={-1} className="utrecht-heading-1 confirmation-panel__title">
          <span aria-hidden="true">✓ </span>
          {title}
        </h1>
      </div>
      {children}
    </>
  );
}

/**
 * Above a form the page checked: every problem in one alert, so a screen reader hears them at once
 * (each field says its own again at its place).
 */
export function ErrorSummary({ errors }: { errors: Partial<Record<string, string>> }) {
  const messages = Object.values(errors).filter(Boolean);
  if (!messages.length) return null;
  return (
    <Alert type="error" heading="Controleer het formulier">
      {messages.join(' ')}
    </Alert>
  );
}

/** Under a form or a check: the step's own button (`children`) and "Annuleren", a link back to where the task started. */
export function StepActions({ cancelTo, children }: { cancelTo: string; children: ReactNode }) {
  return (
    <div className="actions">
      {children}
      <Link className="utrecht-link" to={cancelTo}>
        Annuleren
      </Link>
    </div>
  );
}

/** The end of a check step: why saving failed, if it did, and "Bevestigen" ("Bezig…" while it saves). */
export function ConfirmActions({
  mutation,
  onConfirm,
}: {
  mutation: { isPending: boolean; isError: boolean; error: unknown };
  onConfirm: () => void;
}) {
  return (
    <>
      {mutation.isError ? <ErrorAlert error={mutation.error} /> : null}
      <div className="actions">
        <Button busy={mutation.isPending} onClick={onConfirm}>
          {mutation.isPending ? 'Bezig…' : 'Bevestigen'}
        </Button>
      </div>
    </>
  );
}

export type Step = 'form' | 'check' | 'done';

/** The step of a form → check → confirmation flow and the values entered (see the header). */
export function useStep<V>(initial: V): {
  current: Step;
  values: V;
  /** To the check step with these values. */
  check: (values: V) => void;
  /** Back to the form, values kept. */
  edit: () => void;
  /** To the confirmation (after the mutation succeeded). */
  confirm: () => void;
  /** A new, empty form (after a confirmation: "Nog een ..."). */
  reset: () => void;
  /** Put on the heading of the form and check steps: focus moves there when the step changes. */
  headingRef: React.RefObject<HTMLHeadingElement | null>;
} {
  const [state, setState] = useState<{ current: Step; values: V }>({ current: 'form', values: initial });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const changed = useRef(false);
  const current = state.current;
  useEffect(() => {
    if (!changed.current) return;
    headingRef.current?.focus();
    if (!headingRef.current) window.scrollTo(0, 0);
  }, [current]);
  const move = useCallback((current: Step, values?: V) => {
    changed.current = true;
    setState((previous) => ({ current, values: values === undefined ? previous.values : values }));
  }, []);
  return {
    current,
    values: state.values,
    check: useCallback((values: V) => move('check', values), [move]),
    edit: useCallback(() => move('form'), [move]),
    confirm: useCallback(() => move('done'), [move]),
    reset: useCallback(() => move('form', initial), [move, initial]),
    headingRef,
  };
}
