import { FormEvent, useEffect, useState } from 'react';
import { api, apiExchange } from '../../api/client';
import { ApiError, isProblem } from '../../api/errors';
import { PeriodFields, TextField } from '../../components/fields';
import { Alert, Button, ErrorAlert } from '../../components/ui';
import { dateLong } from '../../format';
import { Contract, Participant, period } from './labels';

interface Municipality {
  code: string;
  name: string;
}

interface EnrolmentResult {
  enrolled: Participant[];
  skipped: Array<{ code: string; reason: string }>;
}

type Errors = Partial<Record<'municipalities' | 'from' | 'to', string>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why the API refused one municipality, in Dutch. */
function refusal(code: string, error: unknown): string {
  if (isProblem(error)) {
    const problem = error.extensions as {
      conflictingContract?: { reference?: string };
      exception?: { reason?: string };
    };
    switch (error.type) {
      case 'double-coverage':
        return `${code} valt in die periode al onder een ander contract voor deze plicht${problem.conflictingContract?.reference ? ` (${problem.conflictingContract.reference})` : ''}. Een gemeente kan maar onder één contract tegelijk vallen.`;
      case 'municipality-excepted':
        return `${code} is uitgezonderd van dit contract${problem.exception?.reason ? `: ${problem.exception.reason}` : ''}.`;
      case 'already-participating':
        return `${code} neemt in die periode al deel aan dit contract.`;
      case 'municipality-not-found':
        return `${code} is geen bestaande gemeentecode.`;
      case 'municipality-not-existing':
        return `${code} bestond niet (meer) in die hele periode, bijvoorbeeld door een gemeentelijke herindeling.`;
      case 'outside-contract-term':
        return `De periode voor ${code} valt buiten de looptijd van het contract.`;
      case 'contract-not-active':
        return 'Bij dit contract kunnen geen gemeenten meer worden aangemeld: het is niet (meer) actief.';
    }
  }
  return `${code}: ${error instanceof ApiError ? error.message : 'Er ging iets mis.'}`;
}

/** The API's field errors (English) as Dutch messages on this form's fields. */
function fieldErrorsOf(error: unknown): Errors {
  const errors: Errors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const problem of error.fieldErrors) {
    if (problem.field === 'code')
      errors.municipalities = 'Dit is geen gemeentecode. Een code is GM met vier cijfers, zoals GM0106.';
    else if (problem.field === 'from') errors.from = 'Vul een geldige datum in, zoals 1-1-2026.';
    else if (problem.field === 'to') errors.to = 'De einddatum mag niet vóór de begindatum liggen.';
  }
  return errors;
}

/** "Gemeenten aanmelden": one or more municipalities (codes or names) from a date, optionally to a date. */
export function EnrolForm({ contract, onEnrolled }: { contract: Contract; onEnrolled: () => void }) {
  const [municipalities, setMunicipalities] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Participant[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [known, setKnown] = useState<Municipality[] | null>(null);

  useEffect(() => {
    let current = true;
    api<{ items: Municipality[] }>('/municipalities', { query: { limit: 500 } }).then(
      (page) => current && setKnown(page.items),
      () => current && setKnown([]),
    );
    return () => {
      current = false;
    };
  }, []);

  /** Codes from "GM0106, Groningen"; unknown names are reported. */
  function resolve(text: string): { codes: string[]; unknown: string[] } {
    const codes: string[] = [];
    const unknown: string[] = [];
    for (const token of text
      .split(/[,;\n]+/)
      .map((part) => part.trim())
      .filter(Boolean)) {
      if (/^gm\d{4}$/i.test(token)) {
        codes.push(token.toUpperCase());
        continue;
      }
      const match = known?.find((m) => m.name.toLowerCase() === token.toLowerCase());
      if (match) codes.push(match.code);
      else unknown.push(token);
    }
    return { codes: [...new Set(codes)], unknown };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone([]);
    setFailure(null);
    const found: Errors = {};
    const { codes, unknown } = resolve(municipalities);
    if (codes.length === 0 && unknown.length === 0)
      found.municipalities = 'Vul ten minste één gemeentecode of gemeentenaam in.';
    else if (unknown.length)
      found.municipalities = `Onbekende gemeente: ${unknown.join(', ')}. Gebruik de naam of een code zoals GM0106.`;
    if (!from) found.from = 'Vul in vanaf welke datum de gemeente deelneemt.';
    else if (!ISO_DATE.test(from)) found.from = 'Vul een geldige datum in, zoals 1-1-2026.';
    else if (from < contract.startDate || (contract.endDate && from > contract.endDate))
      found.from = `Deze datum valt buiten de looptijd van het contract (${period(contract.startDate, contract.endDate)}).`;
    if (to && !ISO_DATE.test(to)) found.to = 'Vul een geldige datum in, of laat dit veld leeg.';
    else if (to && from && to < from) found.to = 'De einddatum mag niet vóór de begindatum liggen.';
    setErrors(found);
    if (Object.keys(found).length) return;

    setBusy(true);
    const enrolled: Participant[] = [];
    const refused: string[] = [];
    let fields: Errors = {};
    for (const code of codes) {
      try {
        const { data } = await apiExchange<EnrolmentResult>(`/contracts/${contract.id}/participants`, {
          method: 'POST',
          body: { code, from, ...(to ? { to } : {}) },
        });
        enrolled.push(...data.enrolled);
        refused.push(...data.skipped.map((skip) => `${skip.code} is overgeslagen.`));
      } catch (error) {
        const mapped = fieldErrorsOf(error);
        if (Object.keys(mapped).length) fields = { ...fields, ...mapped };
        else if (
          error instanceof ApiError &&
          (error.status === 403 || error.status === 401 || error.status >= 500 || error.status === 0)
        ) {
          setFailure(error);
          break;
        } else refused.push(refusal(code, error));
      }
    }
    setBusy(false);
    if (refused.length) fields.municipalities = refused.join(' ');
    setErrors(fields);
    setDone(enrolled);
    if (enrolled.length) {
      const left = codes.filter((code) => !enrolled.some((p) => p.code === code));
      setMunicipalities(left.join(', '));
      onEnrolled();
    }
  }

  const messages = Object.values(errors).filter(Boolean);
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="aanmelden-kop">
      {messages.length ? (
        <Alert type="error" heading={done.length ? 'Niet alle gemeenten zijn aangemeld' : 'Controleer het formulier'}>
          {messages.join(' ')}
        </Alert>
      ) : null}
      {failure ? <ErrorAlert error={failure} /> : null}
      {done.length ? (
        <Alert type="ok">
          {done
            .map(
              (p) =>
                `${p.name} (${p.code}) neemt deel ${p.to ? `van ${dateLong(p.from)} t/m ${dateLong(p.to)}` : `vanaf ${dateLong(p.from)}`}`,
            )
            .join('; ')}
          .
        </Alert>
      ) : null}
      <TextField
        label="Gemeenten"
        description="Eén of meer gemeentecodes of namen, gescheiden door komma's. Bijvoorbeeld: GM0106, Groningen."
        error={errors.municipalities}
        value={municipalities}
        onChange={setMunicipalities}
        autoComplete="off"
        spellCheck={false}
      />
      <PeriodFields
        from={{
          label: 'Deelname vanaf',
          description: `Binnen de looptijd: ${period(contract.startDate, contract.endDate)}.`,
          error: errors.from,
          value: from,
          onChange: setFrom,
          required: true,
        }}
        to={{
          label: 'Deelname tot en met (niet verplicht)',
          description: 'Leeg laten: zolang het contract loopt.',
          error: errors.to,
          value: to,
          onChange: setTo,
        }}
      />
      <div className="actions">
        <Button type="submit" busy={busy}>
          {busy ? 'Bezig met aanmelden…' : 'Gemeenten aanmelden'}
        </Button>
      </div>
    </form>
  );
}
