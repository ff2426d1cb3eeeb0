import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { $api, queryClient } from '../api/client';
import type { components, operations } from '../api/schema';
import { Pagination, ResultCount, SearchForm, useListParams } from '../components/lists';
import {
  Alert,
  badgeLabel,
  Button,
  DataList,
  ErrorAlert,
  Loading,
  PageHeading,
  Section,
  StatusBadge,
  useDownload,
} from '../components/ui';
import { count, dateLong, dateTime, euroCents, plural } from '../format';
import { hasRole, useMe } from '../session';
import { labelOf, MISSING_FIELD, RUN_STATUS } from './contracts/labels';
import { DOCUMENT_SORTS, DocumentsTable, SortSelect } from './invoices/DocumentsTable';
import { DownloadProblem, DownloadProblemAlert } from './invoices/downloads';
import { RUN_KIND_LABELS } from './invoices/InvoiceRunsList';

type Run = components['schemas']['InvoiceRunDto'];
type Released = components['schemas']['ReleaseHeldDto'];

const POLL_MS = 1000;
const busy = (run: Run | undefined) => run?.status === 'QUEUED' || run?.status === 'RUNNING';
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const runKey = (id: string) => ['get', '/api/v1/invoice-runs/{id}', { params: { path: { id } } }];

/** The names of the contract's participants by code, read only when a list needs them (a code stands in otherwise). */
function useParticipantNames(contractId: string, needed: boolean): Map<string, string> {
  const participants = $api.useQuery(
    'get',
    '/api/v1/contracts/{id}/participants',
    { params: { path: { id: contractId } } },
    { enabled: needed },
  );
  return new Map((participants.data?.items ?? []).map((p) => [p.code, p.name]));
}

function Gaps({ run }: { run: Run }) {
  const names = useParticipantNames(run.contractId, run.gaps.length > 0);
  if (run.gapCount === 0) {
    return (
      <p className="utrecht-paragraph">
        Alle gemeenten hebben volledige factuurgegevens. Er zijn geen aandachtspunten.
      </p>
    );
  }
  const perField = new Map<string, number>();
  for (const gap of run.gaps) for (const field of gap.missing) perField.set(field, (perField.get(field) ?? 0) + 1);
  const rows = run.gaps
    .map((gap) => ({ ...gap, name: names.get(gap.code) ?? gap.code }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const table = (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="gaps-caption">
      <table className="utrecht-table portal-table portal-table--cards">
        <caption id="gaps-caption" className="utrecht-table__caption">
          Gemeenten met onvolledige factuurgegevens
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              Gemeente
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Code
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Ontbreekt
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((g) => (
            <tr key={g.code} className="utrecht-table__row">
              <td className="utrecht-table__cell" data-label="Gemeente">
                {g.name}
              </td>
              <td className="utrecht-table__cell" data-label="Code">
                {g.code}
              </td>
              <td className="utrecht-table__cell" data-label="Ontbreekt">
                {g.missing.map((field) => labelOf(MISSING_FIELD, field)).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
              {capitalised(labelOf(MISSING_FIELD, field))} ontbreekt bij {plural(n, 'gemeente', 'gemeenten')}
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
          <summary>Toon de {plural(rows.length, 'gemeente', 'gemeenten')}</summary>
          {table}
        </details>
      )}
    </>
  );
}

/** Customers the run held for want of an address, and the release once their details are complete. */
function Held({ run }: { run: Run }) {
  const me = useMe();
  const [result, setResult] = useState<Released | null>(null);
  const names = useParticipantNames(run.contractId, run.held.length > 0);
  const mayRelease = hasRole(me, 'CONTRACT_MANAGER', 'PROVIDER_ADMIN', 'FINANCE', 'OPERATOR');
  const release = $api.useMutation('post', '/api/v1/invoice-runs/{id}/release-held', {
    onSuccess: (answer) => {
      setResult(answer);
      queryClient.setQueryData(runKey(run.id), answer.run);
      void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/invoices'] });
      void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/invoice-runs'] });
    },
  });
  const outcome = result ? (
    <Alert type={result.released.length ? 'ok' : 'info'} heading="Vastgehouden facturen uitgegeven">
      {result.released.length
        ? `${plural(result.released.length, 'factuur', 'facturen')} uitgegeven: ${result.released
            .map((r) => r.number)
            .join(', ')}.`
        : 'Geen nieuwe facturen: bij de vastgehouden gemeenten ontbreekt het factuuradres nog.'}
      {result.nothingDue.length
        ? ` Voor ${plural(result.nothingDue.length, 'gemeente', 'gemeenten')} is niets meer verschuldigd.`
        : ''}
    </Alert>
  ) : null;
  if (run.heldCount === 0) return outcome;
  const name = (code: string | null) =>
    code === null ? 'De contractpartij (centrale factuur)' : (names.get(code) ?? code);
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
          <summary>Toon de {plural(run.held.length, 'vastgehouden gemeente', 'vastgehouden gemeenten')}</summary>
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
          <Button
            variant="primary"
            busy={release.isPending}
            onClick={() => release.mutate({ params: { path: { id: run.id } } })}
          >
            {release.isPending ? 'Bezig…' : 'Facturen maken voor aangevulde gemeenten'}
          </Button>
        </div>
      ) : null}
      {release.error ? <ErrorAlert error={release.error} /> : null}
    </>
  );
}

/** The run's documents, a page at a time, sorted and searched on the server. */
function RunDocuments({ run }: { run: Run }) {
  const list = useListParams({ sort: 'number', limit: 50 });
  const { sort, q, page, limit } = list.params;
  const [problem, setProblem] = useState<DownloadProblem | null>(null);
  const documents = $api.useQuery('get', '/api/v1/invoices', {
    params: {
      query: {
        run: run.id,
        sort: sort as NonNullable<operations['InvoicingController_list']['parameters']['query']>['sort'],
        q: q || undefined,
        page,
        limit,
      },
    },
  });
  return (
    <>
      <SearchForm list={list} label="Zoek op gemeente, code of factuurnummer" />
      <ResultCount total={documents.data?.total} one="document" many="documenten">
        {q ? `met “${q}”` : 'in deze ronde'}
      </ResultCount>
      <DownloadProblemAlert problem={problem} />
      {documents.isPending ? <Loading label="De documenten worden geladen…" /> : null}
      {documents.error ? <ErrorAlert error={documents.error} /> : null}
      {documents.data && documents.data.items.length > 0 ? <SortSelect list={list} options={DOCUMENT_SORTS} /> : null}
      {documents.data && documents.data.items.length > 0 ? (
        <DocumentsTable
          list={list}
          items={documents.data.items}
          caption="Documenten van deze ronde"
          party="customer"
          onDownloadError={setProblem}
        />
      ) : null}
      <Pagination list={list} total={documents.data?.total} />
    </>
  );
}

export function InvoiceRunPage() {
  const { id = '' } = useParams();
  const runQuery = $api.useQuery(
    'get',
    '/api/v1/invoice-runs/{id}',
    { params: { path: { id } } },
    // Fetched again every second while queued or running.
    { refetchInterval: (query) => (busy(query.state.data) ? POLL_MS : false) },
  );
  const run = runQuery.data;
  // While the run issues documents, its document list (cached) follows every change of count or status.
  useEffect(() => {
    if (run) void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/invoices'] });
  }, [run?.documentCount, run?.status]); // eslint-disable-line react-hooks/exhaustive-deps
  const contract = $api.useQuery(
    'get',
    '/api/v1/contracts/{id}',
    { params: { path: { id: run?.contractId ?? '' } } },
    { enabled: Boolean(run) },
  );
  const zip = useDownload();

  if (!run) {
    return (
      <>
        <PageHeading>Factuurronde</PageHeading>
        {runQuery.error ? <ErrorAlert error={runQuery.error} /> : <Loading label="Factuurronde wordt geladen…" />}
      </>
    );
  }

  const kindLabel = RUN_KIND_LABELS[run.kind];
  const status = badgeLabel(RUN_STATUS, run.status);
  const { done, total } = run.progress;
  const percentage = total > 0 ? Math.round((done / total) * 100) : run.status === 'COMPLETED' ? 100 : 0;
  const c = contract.data;

  const downloadZip = () =>
    zip.start(`/invoice-runs/${id}/documents.zip`, {
      accept: 'application/zip',
      fallbackName: `factuurronde-${run.period.start}.zip`,
    });

  return (
    <>
      <p className="utrecht-paragraph back-link">
        <Link className="utrecht-link" to={`/contracten/${run.contractId}/factuurrondes`}>
          ← Factuurrondes{c ? ` van ${c.reference}` : ''}
        </Link>
      </p>
      <PageHeading
        title={kindLabel}
      >{`${kindLabel} ${dateLong(run.period.start)} t/m ${dateLong(run.period.end)}`}</PageHeading>
      {c ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/contracten/${c.id}`}>
            {`Contract ${c.reference}`}
          </Link>
          {`: ${c.title}`}
        </p>
      ) : null}

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
        {runQuery.error ? (
          <Alert type="warning">De stand kon even niet worden bijgewerkt. We proberen het opnieuw.</Alert>
        ) : null}
      </Section>

      {run.status === 'FAILED' ? (
        <Alert type="error" heading="De factuurronde is mislukt">
          {run.documentCount > 0
            ? `Er ${run.documentCount === 1 ? 'is 1 document' : `zijn ${count(run.documentCount)} documenten`} uitgegeven; hervatten gaat verder na het laatste.`
            : 'Er zijn geen documenten uitgegeven.'}{' '}
          Start de ronde opnieuw vanaf het contract; blijft het mislukken, neem dan contact op met de servicedesk
          {run.error ? ` en noem deze melding: "${run.error}"` : ''}.
        </Alert>
      ) : null}

      {run.status === 'COMPLETED' ? (
        <>
          <Section id="resultaat-kop" title="Resultaat">
            <Alert type="ok">
              {run.kind === 'CORRECTION' ? 'De correctierun' : 'De factuurronde'} is voltooid:{' '}
              {plural(run.documentCount, 'document', 'documenten')} met samen {euroCents(run.totalCents)}.
            </Alert>
            <div className="details-list">
              <DataList
                items={[
                  ['Periode', `${dateLong(run.period.start)} t/m ${dateLong(run.period.end)}`],
                  ['Peildatum inwonertal (CBS)', dateLong(run.referenceDate)],
                  ['Aantal documenten', count(run.documentCount)],
                  ['Vastgehouden (geen factuuradres)', count(run.heldCount)],
                  ['Onvolledige factuurgegevens', count(run.gapCount)],
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
            <Held run={run} />
          </Section>
          <Section id="aandacht-kop" title="Aandachtspunten">
            <Gaps run={run} />
          </Section>
        </>
      ) : null}

      {run.documentCount > 0 || run.status === 'COMPLETED' ? (
        <Section id="documenten-kop" title="Documenten">
          <RunDocuments run={run} />
        </Section>
      ) : null}
    </>
  );
}
