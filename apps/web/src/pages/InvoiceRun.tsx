import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { hasRole, useMe } from '../session';
import { ApiError } from '../api/errors';
import {
  Alert,
  badgeLabel,
  Button,
  BY_NAME,
  Column,
  DataList,
  ErrorAlert,
  Loading,
  PageHeading,
  Section,
  SortableTable,
  StatusBadge,
  useDownload,
  useLoad,
} from '../components/ui';
import { count, dateLong, dateTime, euroCents } from '../format';
import { Contract, InvoiceRun, labelOf, MISSING_FIELD, Participant, RUN_STATUS } from './contracts/labels';

const POLL_MS = 1000;
const busy = (run: InvoiceRun) => run.status === 'QUEUED' || run.status === 'RUNNING';

/** The run, fetched again every second while it is queued or running. */
function useRun(id: string) {
  const [run, setRun] = useState<InvoiceRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api<InvoiceRun>(`/invoice-runs/${id}`);
        if (stopped) return;
        setRun(next);
        setError(null);
        if (busy(next)) timer = setTimeout(() => void poll(), POLL_MS);
      } catch (failure) {
        if (stopped) return;
        setError(failure);
        // A hiccup (no connection, a server error): try again a little later. A 4xx will not change.
        if (failure instanceof ApiError && (failure.status === 0 || failure.status >= 500))
          timer = setTimeout(() => void poll(), POLL_MS * 3);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id]);
  return { run, error, setRun };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The names of the contract's participants by code, read only when a list needs them. */
function useParticipantNames(contractId: string, needed: boolean) {
  return useLoad(
    () =>
      needed
        ? api<{ items: Participant[] }>(`/contracts/${contractId}/participants`).then(
            (list) => new Map(list.items.map((p) => [p.code, p.name])),
          )
        : Promise.resolve(new Map<string, string>()),
    [contractId, needed],
  );
}

interface Gap {
  code: string;
  name: string;
  missing: string[];
}

function Gaps({ run }: { run: InvoiceRun }) {
  const names = useParticipantNames(run.contractId, run.gaps.length > 0);
  if (run.gapCount === 0) {
    return (
      <p className="utrecht-paragraph">
        Alle gemeenten hebben volledige factuurgegevens. Er zijn geen aandachtspunten.
      </p>
    );
  }
  const lookup = names.status === 'ready' ? names.data : new Map<string, string>();
  const rows: Gap[] = run.gaps.map((gap) => ({ ...gap, name: lookup.get(gap.code) ?? gap.code }));
  const columns: Column<Gap>[] = [
    { key: 'name', header: 'Gemeente', cell: (g) => g.name, sortValue: (g) => g.name },
    { key: 'code', header: 'Code', cell: (g) => g.code, sortValue: (g) => g.code },
    {
      key: 'missing',
      header: 'Ontbreekt',
      cell: (g) => g.missing.map((field) => labelOf(MISSING_FIELD, field)).join(', '),
      sortValue: (g) => g.missing.length,
    },
  ];
  const perField = new Map<string, number>();
  for (const gap of run.gaps) for (const field of gap.missing) perField.set(field, (perField.get(field) ?? 0) + 1);
  const table = (
    <SortableTable
      caption="Gemeenten met onvolledige factuurgegevens"
      columns={columns}
      rows={rows}
      rowKey={(g) => g.code}
      initialSort={BY_NAME}
    />
  );
  return (
    <>
      <Alert type="warning" heading="Aandachtspunten">
        {run.gapCount === 1 ? '1 gemeente heeft' : `${count(run.gapCount)} gemeenten hebben`} onvolledige
        factuurgegevens. De documenten zijn wel gemaakt; vraag deze gemeenten hun factuurgegevens aan te vullen,
        bijvoorbeeld voor een e-factuur.
      </Alert>
      <ul className="utrecht-unordered-list gap-summary">
        {[...perField.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([field, n]) => (
            <li key={field} className="utrecht-unordered-list__item">
              {capitalised(labelOf(MISSING_FIELD, field))} ontbreekt bij{' '}
              {n === 1 ? '1 gemeente' : `${count(n)} gemeenten`}
            </li>
          ))}
      </ul>
      {run.gapCount > run.gaps.length ? (
        <p className="utrecht-paragraph">De lijst hieronder toont de eerste {count(run.gaps.length)} gemeenten.</p>
      ) : null}
      {rows.length <= 10 ? (
        table
      ) : (
        <details className="gap-details">
          <summary>Toon de {count(rows.length)} gemeenten</summary>
          {table}
        </details>
      )}
    </>
  );
}

interface Released {
  run: InvoiceRun;
  released: Array<{ municipalityCode: string | null; documentId: string; number: string }>;
  nothingDue: string[];
}

/** Customers the run held for want of an address, and the release once their details are complete. */
function Held({ run, onReleased }: { run: InvoiceRun; onReleased: (run: InvoiceRun) => void }) {
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Released | null>(null);
  const [error, setError] = useState<unknown>(null);
  const names = useParticipantNames(run.contractId, run.held.length > 0);
  const mayRelease = hasRole(me, 'CONTRACT_MANAGER', 'PROVIDER_ADMIN', 'FINANCE', 'OPERATOR');
  const release = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api<Released>(`/invoice-runs/${run.id}/release-held`, { method: 'POST' });
      setResult(answer);
      onReleased(answer.run);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const outcome = result ? (
    <Alert type={result.released.length ? 'ok' : 'info'} heading="Vastgehouden facturen uitgegeven">
      {result.released.length
        ? `${result.released.length === 1 ? '1 factuur' : `${count(result.released.length)} facturen`} uitgegeven: ${result.released
            .map((r) => r.number)
            .join(', ')}.`
        : 'Geen nieuwe facturen: bij de vastgehouden gemeenten ontbreekt het factuuradres nog.'}
      {result.nothingDue.length
        ? ` Voor ${count(result.nothingDue.length)} gemeente(n) is niets meer verschuldigd.`
        : ''}
    </Alert>
  ) : null;
  if (run.heldCount === 0) return outcome;
  const lookup = names.status === 'ready' ? names.data : new Map<string, string>();
  const name = (code: string | null) =>
    code === null ? 'De contractpartij (centrale factuur)' : (lookup.get(code) ?? code);
  return (
    <>
      {outcome}
      <Alert type="warning" heading="Vastgehouden: geen factuuradres">
        <p>
          {run.heldCount === 1 ? '1 gemeente kreeg' : `${count(run.heldCount)} gemeenten kregen`} geen factuur, omdat
          het factuuradres ontbreekt (een factuur zonder adres van de klant is niet rechtsgeldig, art. 35a Wet OB).
          Zodra het adres is aangevuld
          {hasRole(me, 'CONTRACT_MANAGER', 'OPERATOR') ? (
            <>
              {' '}
              (per gemeente of via{' '}
              <Link className="utrecht-link" to="/gegevens-laden">
                Gegevens laden
              </Link>
              )
            </>
          ) : null}
          , maakt u hier hun facturen, met een nummer en datum van dat moment.
        </p>
        <details>
          <summary>Toon de {count(run.held.length)} vastgehouden gemeenten</summary>
          <ul>
            {run.held.map((h) => (
              <li key={h.municipalityCode ?? 'central'}>
                {name(h.municipalityCode)}: {h.missing.map((field) => labelOf(MISSING_FIELD, field)).join(' en ')}
              </li>
            ))}
          </ul>
        </details>
      </Alert>
      {mayRelease ? (
        <div className="actions">
          <Button variant="primary" busy={busy} onClick={() => void release()}>
            {busy ? 'Bezig…' : 'Facturen maken voor aangevulde gemeenten'}
          </Button>
        </div>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}

export function InvoiceRunPage() {
  const { id = '' } = useParams();
  const { run, error, setRun } = useRun(id);
  const contract = useLoad(
    () => (run ? api<Contract>(`/contracts/${run.contractId}`) : Promise.resolve(null)),
    [run?.contractId],
  );
  const zip = useDownload();

  if (!run) {
    return (
      <>
        <PageHeading>Factuurronde</PageHeading>
        {error ? <ErrorAlert error={error} /> : <Loading label="Factuurronde wordt geladen…" />}
      </>
    );
  }

  const status = badgeLabel(RUN_STATUS, run.status);
  const { done, total } = run.progress;
  const percentage = total > 0 ? Math.round((done / total) * 100) : run.status === 'COMPLETED' ? 100 : 0;
  const c = contract.status === 'ready' ? contract.data : null;

  const downloadZip = () =>
    zip.start(`/invoice-runs/${id}/documents.zip`, {
      accept: 'application/zip',
      fallbackName: `factuurronde-${run.period.start}.zip`,
    });

  return (
    <>
      {c ? (
        <p className="utrecht-paragraph back-link">
          <Link className="utrecht-link" to={`/contracten/${c.id}`}>
            ← Contract {c.reference}
          </Link>
        </p>
      ) : null}
      <PageHeading
        title={run.kind === 'CORRECTION' ? 'Correctierun' : 'Factuurronde'}
      >{`${run.kind === 'CORRECTION' ? 'Correctierun' : 'Factuurronde'} ${dateLong(run.period.start)} t/m ${dateLong(run.period.end)}`}</PageHeading>
      {c ? <p className="utrecht-paragraph">{`${c.reference}: ${c.title}`}</p> : null}

      <Section id="voortgang-kop" title="Voortgang" className="run-progress">
        <p className="utrecht-paragraph" aria-live="polite">
          Status: <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
        </p>
        <label className="utrecht-form-label progress-label" htmlFor="run-progress" id="run-progress-label">
          {count(done)} van {count(total)} gemeenten verwerkt ({percentage}%)
        </label>
        <progress
          id="run-progress"
          className="progress"
          max={Math.max(total, 1)}
          value={total > 0 ? done : run.status === 'COMPLETED' ? 1 : 0}
          aria-valuetext={`${count(done)} van ${count(total)} gemeenten verwerkt`}
        >
          {percentage}%
        </progress>
        {busy(run) ? (
          <p className="utrecht-paragraph">
            {run.status === 'QUEUED'
              ? 'De ronde wacht op een vrije verwerker en begint zo.'
              : 'De documenten worden gemaakt. U kunt deze pagina open laten; hij werkt zichzelf bij.'}
          </p>
        ) : null}
        {error ? (
          <Alert type="warning">De stand kon even niet worden bijgewerkt. We proberen het opnieuw.</Alert>
        ) : null}
      </Section>

      {run.status === 'FAILED' ? (
        <Alert type="error" heading="De factuurronde is mislukt">
          Er zijn geen documenten uitgegeven. Start de ronde opnieuw vanaf het contract; blijft het mislukken, neem dan
          contact op met de servicedesk
          {run.error ? ` en noem deze melding: "${run.error}"` : ''}.
        </Alert>
      ) : null}

      {run.status === 'COMPLETED' ? (
        <>
          <Section id="resultaat-kop" title="Resultaat">
            <Alert type="ok">
              {run.kind === 'CORRECTION' ? 'De correctierun' : 'De factuurronde'} is voltooid:{' '}
              {run.documentCount === 1 ? '1 document' : `${count(run.documentCount)} documenten`} met samen{' '}
              {euroCents(run.totalCents)}.
            </Alert>
            <div className="details-list">
              <DataList
                items={[
                  ['Periode', `${dateLong(run.period.start)} t/m ${dateLong(run.period.end)}`],
                  ['Peildatum inwonertal (CBS)', dateLong(run.referenceDate)],
                  ['Aantal documenten', count(run.documentCount)],
                  ['Vastgehouden (geen factuuradres)', count(run.heldCount)],
                  ['Totaal', euroCents(run.totalCents)],
                  ['Aangevraagd', dateTime(run.createdAt)],
                  ['Klaar', dateTime(run.finishedAt)],
                ]}
              />
            </div>
            <div className="actions run-actions">
              <Button variant="primary" busy={zip.busy} onClick={() => void downloadZip()}>
                {zip.busy ? 'Bezig met downloaden…' : 'Alle documenten downloaden (ZIP)'}
              </Button>
              <Link className="utrecht-link run-actions__link" to="/facturen">
                Naar Facturen
              </Link>
            </div>
            {zip.error ? <ErrorAlert error={zip.error} /> : null}
          </Section>
          <Section id="vastgehouden-kop" title="Vastgehouden">
            {run.heldCount === 0 ? (
              <p className="utrecht-paragraph">Alle gemeenten hebben een factuuradres; niemand is vastgehouden.</p>
            ) : null}
            <Held run={run} onReleased={setRun} />
          </Section>
          <Section id="aandacht-kop" title="Aandachtspunten">
            <Gaps run={run} />
          </Section>
        </>
      ) : null}
    </>
  );
}
