import './services.css';
import type { QueryClient } from '@tanstack/react-query';
import { ReactNode, RefObject, useEffect } from 'react';
import { Link } from 'react-router';
import type { components } from '../../api/schema';
import { Confirmation } from '../../components/check-answers';
import { Alert, DataList, ErrorAlert } from '../../components/ui';
import { dateLong, plural } from '../../format';
import { capitalised } from './schedule';

export type ServiceChange = components['schemas']['ServiceChangeDto'];
type Group = components['schemas']['EffectGroupDto'];

const municipalities = (n: number) => plural(n, 'gemeente', 'gemeenten');

/** One sentence per group of municipalities, in plain Dutch. */
export function effectSentence(group: Group): string {
  const n = group.municipalities.length;
  const who = n === 1 ? group.municipalities[0].name : municipalities(n);
  const duty = `de plicht van ${who}`;
  switch (group.change) {
    case 'UNCOVERED':
      return `Na deze wijziging is ${duty} niet meer gedekt ${group.newGapsText}.`;
    case 'COVERED':
      return `Na deze wijziging is ${duty} weer gedekt: ${group.after.summary}.`;
    case 'CHANGED':
      return group.newGapsText
        ? `Na deze wijziging is ${duty} nog steeds niet gedekt, en ook niet ${group.newGapsText}.`
        : `Na deze wijziging is ${duty} nog steeds niet gedekt, maar minder vaak: ${group.after.summary}.`;
    default:
      return `Voor ${duty} verandert er niets: ${group.after.summary}.`;
  }
}

/** The effect of a change on every municipality the service covers: a summary, then each group before and after. */
export function Effect({ change }: { change: ServiceChange }) {
  const { effect } = change;
  return (
    <section aria-labelledby="effect-heading" className="service-effect">
      <h2 className="utrecht-heading-2" id="effect-heading">
        Effect op de plicht van gemeenten
      </h2>
      <p className="utrecht-paragraph">
        Beoordeeld voor de {municipalities(effect.municipalities)} die deze dienst dekt, van{' '}
        {dateLong(effect.period.from)} tot en met {dateLong(effect.period.to)}, met dezelfde regels als het
        nalevingsoverzicht.
      </p>
      {effect.becomeUncovered > 0 ? (
        <Alert type="warning" heading={`${capitalisedCount(effect.becomeUncovered)} niet meer gedekt`}>
          Na deze wijziging voldoen deze gemeenten niet meer aan hun plicht. Zij en de VNG krijgen daarvan een melding
          na de dagelijkse controle.
        </Alert>
      ) : effect.becomeCovered > 0 ? (
        <Alert type="ok">Na deze wijziging is de plicht van {municipalities(effect.becomeCovered)} weer gedekt.</Alert>
      ) : (
        <Alert type="info">Deze wijziging maakt voor geen enkele gemeente uit of de plicht gedekt is.</Alert>
      )}
      {effect.groups.map((group, i) => (
        <div key={i} className="effect-group">
          <p className="utrecht-paragraph effect-group__sentence">{effectSentence(group)}</p>
          <div className="key-values">
            <DataList
              items={[
                ['Nu', capitalised(group.before.summary)],
                ['Na de wijziging', capitalised(group.after.summary)],
              ]}
            />
          </div>
          {group.municipalities.length > 1 ? (
            <details className="effect-group__list">
              <summary>Welke {municipalities(group.municipalities.length)}</summary>
              <p className="utrecht-paragraph">{group.municipalities.map((m) => m.name).join(', ')}</p>
            </details>
          ) : null}
        </div>
      ))}
    </section>
  );
}

const capitalisedCount = (n: number) => (n === 1 ? '1 gemeente is' : `${municipalities(n)} zijn`);

/** The h1 of a step of a form → check → confirmation flow: the page title, and focus when the step changes. */
export function StepHeading({
  headingRef,
  children,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  children: string;
}): ReactNode {
  useEffect(() => {
    document.title = `${children} · Luisterend oor`;
  }, [children]);
  return (
    <h1 className="utrecht-heading-1 page-heading" ref={headingRef} tabIndex={-1}>
      {children}
    </h1>
  );
}

/**
 * Above a service's form: how many fields the page found wrong (each says why at its place), or else
 * why the API refused the preview.
 */
export function FormProblems({ errors, error }: { errors: Record<string, string>; error: unknown }) {
  const count = Object.keys(errors).length;
  if (count)
    return (
      <Alert type="error">
        {count === 1 ? 'Eén veld is nog niet goed ingevuld.' : `${count} velden zijn nog niet goed ingevuld.`} Zie de
        meldingen bij de velden.
      </Alert>
    );
  return error ? <ErrorAlert error={error} /> : null;
}

/**
 * The confirmation of a change to a service: what was saved (`children`), what happens now when there
 * is more to say (`next`), and the way back to Diensten, where every task on a service starts.
 */
export function ServiceConfirmation({
  title,
  next,
  children,
}: {
  title: string;
  next?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Confirmation title={title}>
      {children}
      {next ? (
        <>
          <h2 className="utrecht-heading-2">Wat gebeurt er nu</h2>
          <p className="utrecht-paragraph">{next}</p>
        </>
      ) : null}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/diensten">
          Terug naar Diensten
        </Link>
      </p>
    </Confirmation>
  );
}

/** After a change: every cached answer about the provider's services (the list and each service) is stale. */
export function invalidateServices(queryClient: QueryClient, refetchShown = true): void {
  void queryClient.invalidateQueries({
    predicate: (query) => String(query.queryKey[1]).startsWith('/api/v1/providers/{id}/services'),
    refetchType: refetchShown ? 'active' : 'none',
  });
}
