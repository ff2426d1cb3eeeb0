import { ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/errors';
import type { paths } from '../../api/schema';
import type { Me, Role } from '../../api/types';
import { CheckAnswerRow, CheckAnswers, Confirmation } from '../../components/check-answers';
import { Choice } from '../../components/fields';
import { Alert, Button, ErrorAlert, PageHeading } from '../../components/ui';
import { date } from '../../format';

/**
 * The query of a list's GET route, for a list's URL state (`queryOf(list.params)`): the sort read
 * from the address is only a string to TypeScript; the API checks it (a 400 naming `sort`).
 */
export type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;

/** The roles in words, as the portal names them to administrators. */
export const ROLE_NAMES: Record<Role, string> = {
  OFFICER: 'Beleidsmedewerker',
  FINANCE: 'Financiën',
  CONTRACT_MANAGER: 'Contractbeheer',
  PROVIDER_ADMIN: 'Aanbieder',
  ORG_ADMIN: 'Beheerder',
  OPERATOR: 'Platformbeheer',
};

const ALL_ROLES = Object.keys(ROLE_NAMES) as Role[];

/** Which roles make sense in which kind of organisation (the API's own table, identity.rules.ts). */
const ROLES_BY_KIND: Record<string, readonly Role[]> = {
  MUNICIPALITY: ['OFFICER', 'FINANCE', 'ORG_ADMIN'],
  ASSOCIATION: ['CONTRACT_MANAGER', 'FINANCE', 'OFFICER', 'ORG_ADMIN'],
  PROVIDER: ['PROVIDER_ADMIN', 'FINANCE', 'ORG_ADMIN'],
  OPERATOR: ['OPERATOR', 'ORG_ADMIN'],
};

export const isOperator = (me: Me) => me.roles.includes('OPERATOR');
export const isAdmin = (me: Me) => isOperator(me) || me.roles.includes('ORG_ADMIN');

/**
 * The roles the signed-in user may give in the own organisation: those that fit its kind and that
 * the user holds (an operator holds every role). The API refuses others (422 roles-too-wide).
 */
export function grantableRoles(me: Me): Role[] {
  const fitting = ROLES_BY_KIND[me.organisation.kind] ?? ALL_ROLES;
  return fitting.filter((role) => isOperator(me) || me.roles.includes(role));
}

export const roleList = (roles: readonly Role[]) => roles.map((role) => ROLE_NAMES[role] ?? role).join(', ');

const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/** "03-12-2026 14:05" (dd-mm-jjjj uu:mm, Dutch time) for tables; "-" when unknown. */
export function tableDateTime(iso: string | null | undefined): string {
  if (!iso) return '-';
  return `${date(iso)} ${timeFormat.format(new Date(iso))}`;
}

/**
 * The Dutch message for one field of a refused request: a 400 that names the field, or a problem
 * of the given types (`roles-too-wide`) that belongs at that field. `say` turns the API's English
 * message into Dutch.
 */
export function fieldProblem(
  error: unknown,
  field: string,
  say: (message: string) => string,
  types: readonly string[] = [],
): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const named = error.fieldErrors.find((problem) => problem.field === field || problem.field.startsWith(`${field}.`));
  if (named) return say(named.message);
  if (error.type && types.includes(error.type)) return say(error.detail ?? '');
  return undefined;
}

/** Whether a refused request's problems are all shown at fields (then no general error above the form). */
export function shownAtFields(error: unknown, fields: readonly string[], types: readonly string[] = []): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.type && types.includes(error.type)) return true;
  return (
    error.fieldErrors.length > 0 &&
    error.fieldErrors.every((problem) => fields.some((f) => problem.field.startsWith(f)))
  );
}

/** Role checkboxes in a fieldset with its legend, description and error message. */
export function RoleChoices({
  legend,
  roles,
  value,
  onChange,
  error,
  description,
}: {
  legend: string;
  roles: readonly Role[];
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  error?: string;
  description?: string;
}) {
  const id = 'rollen';
  const describedBy = [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {description ? (
        <div className="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          <span aria-hidden="true">✕ </span>
          {error}
        </div>
      ) : null}
      {roles.map((role) => (
        <div className="choice-field" key={role}>
          <Choice
            type="checkbox"
            name="roles"
            value={role}
            checked={value.includes(role)}
            onChange={(event) =>
              onChange(event.target.checked ? [...value, role] : value.filter((held) => held !== role))
            }
          >
            {ROLE_NAMES[role]}
          </Choice>
        </div>
      ))}
    </fieldset>
  );
}

/** The roles refused: the API's reason in Dutch. */
export function sayRoles(message: string): string {
  if (/at least one/.test(message)) return 'Kies ten minste één rol.';
  if (/only give roles you have|Only an OPERATOR/.test(message))
    return 'U kunt alleen rollen geven die u zelf heeft. Kies een of meer van uw eigen rollen.';
  if (/cannot be given in an organisation/.test(message)) return 'Deze rol past niet bij uw soort organisatie.';
  return 'Kies geldige rollen.';
}

/** A secret shown once: a warning, the value in a read-only box, and a copy button. */
export function OnceSecret({ label, secret }: { label: string; secret: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="once-secret">
      <Alert type="warning">
        U ziet {label} alleen nu. Kopieer hem en bewaar hem veilig, bijvoorbeeld in een wachtwoordkluis. Het platform
        bewaart alleen een afgeleide waarde en kan hem u niet opnieuw tonen.
      </Alert>
      <label className="utrecht-form-label" htmlFor="geheim">
        {label[0].toUpperCase() + label.slice(1)}
      </label>
      <input
        id="geheim"
        className="utrecht-textbox utrecht-textbox--html-input once-secret__value"
        readOnly
        value={secret}
        onFocus={(event) => event.target.select()}
      />
      <p className="utrecht-paragraph">
        <Button variant="secondary" onClick={() => void copy()}>
          Kopiëren
        </Button>{' '}
        <span role="status">
          {copied === 'yes'
            ? 'Gekopieerd.'
            : copied === 'failed'
              ? 'Kopiëren lukte niet: selecteer de tekst en kopieer hem zelf.'
              : ''}
        </span>
      </p>
    </div>
  );
}

/** "← Terug naar ..." above a page. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="utrecht-paragraph back-link">
      <Link className="utrecht-link" to={to}>
        <span aria-hidden="true">← </span>
        {children}
      </Link>
    </p>
  );
}

/** Where a page leads back to: the address and the words of the link. */
export interface BackTo {
  to: string;
  label: string;
}

/**
 * The check before something is ended for good (a key revoked, a webhook removed, a user deactivated):
 * what it is, the warning, why it failed if it did, and the button that does it beside "Annuleren"
 * (a link away, or `onClick` back to the page it came from).
 */
export function RemovalCheck({
  back,
  heading,
  rows,
  warning,
  mutation,
  action,
  onConfirm,
  cancel,
}: {
  back: BackTo;
  /** The page's h1 ("Controleer: …"). */
  heading: ReactNode;
  rows: CheckAnswerRow[];
  warning: ReactNode;
  mutation: { isPending: boolean; error: unknown };
  /** The button's words ("Ja, …"). */
  action: string;
  onConfirm: () => void;
  cancel: { to: string } | { onClick: () => void };
}) {
  return (
    <>
      <BackLink to={back.to}>{back.label}</BackLink>
      {heading}
      <CheckAnswers rows={rows} />
      <Alert type="warning">{warning}</Alert>
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <p className="utrecht-paragraph">
        <Button busy={mutation.isPending} onClick={onConfirm}>
          {action}
        </Button>{' '}
        {'to' in cancel ? (
          <Link className="utrecht-link" to={cancel.to}>
            Annuleren
          </Link>
        ) : (
          <Button variant="subtle" onClick={cancel.onClick}>
            Annuleren
          </Button>
        )}
      </p>
    </>
  );
}

/** A removal page whose subject is not there (removed already, or never was): said so, with the way back. */
export function NothingToRemove({ title, back, children }: { title: string; back: BackTo; children: ReactNode }) {
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Alert type="info">{children}</Alert>
      <BackLink to={back.to}>{back.label}</BackLink>
    </>
  );
}

/** The confirmation after a removal: what it means from now on ("Wat gebeurt er nu"), and the way back. */
export function RemovedConfirmation({ title, back, children }: { title: string; back: BackTo; children: ReactNode }) {
  return (
    <>
      <Confirmation title={title} />
      <h2 className="utrecht-heading-2">Wat gebeurt er nu</h2>
      <p className="utrecht-paragraph">{children}</p>
      <BackLink to={back.to}>{back.label}</BackLink>
    </>
  );
}
