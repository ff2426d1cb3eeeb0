import { FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { TextField } from '../../components/fields';
import { Alert, Button, ErrorAlert } from '../../components/ui';
import { dateLong } from '../../format';

/** POST /contracts/{id}/participants/roll-over (RollOverResultDto). */
interface RollOverResult {
  year: number;
  continued: Array<{ code: string; from: string; predecessors: string[] }>;
  alreadyParticipating: string[];
  conflicts: Array<{ code: string; predecessors: string[]; reason: string }>;
}

/**
 * After a reorganisation the new (or grown) municipality continues its predecessors' participation
 * in this contract: the contract manager confirms it per year; what would be a guess is reported.
 */
export function RollOverForm({ contractId, onRolledOver }: { contractId: string; onRolledOver: () => void }) {
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<RollOverResult | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    setFailure(null);
    if (!/^\d{4}$/.test(year)) {
      setError('Vul een jaar in, zoals 2027.');
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      setResult(
        await api<RollOverResult>(`/contracts/${contractId}/participants/roll-over`, {
          method: 'POST',
          query: { year },
        }),
      );
      onRolledOver();
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label="Jaar van de herindeling"
        description="Het jaar waarin de herindeling ingaat."
        inputMode="numeric"
        value={year}
        onChange={setYear}
        error={error}
      />
      <div className="actions">
        <Button busy={busy} type="submit">
          {busy ? 'Bezig…' : 'Herindeling overnemen'}
        </Button>
      </div>
      {failure ? <ErrorAlert error={failure} /> : null}
      {result ? (
        <Alert type={result.conflicts.length ? 'warning' : 'ok'} heading={`Herindeling ${result.year}`}>
          {result.continued.length === 0 && result.conflicts.length === 0 ? (
            <p>
              Er is niets over te nemen: geen voorganger van een nieuwe gemeente nam deel
              {result.alreadyParticipating.length ? ', of de nieuwe gemeente neemt al deel' : ''}.
            </p>
          ) : null}
          <ul>
            {result.continued.map((c) => (
              <li key={c.code}>
                {c.code} neemt deel vanaf {dateLong(c.from)} (voorheen {c.predecessors.join(', ')}).
              </li>
            ))}
            {result.conflicts.map((c) => (
              <li key={c.code}>
                {c.code}: niet overgenomen, {c.reason}.
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </form>
  );
}
