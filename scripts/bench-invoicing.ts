/**
 * The invoicing part of `npm run bench`:
 *
 * 1. The full 2025 run of VNG-SEN-2018 (one invoice and PDF per participant) on a worker process,
 *    against pdfkit alone rendering the same documents in this process: the run's overhead over
 *    bare rendering (target: under 50%).
 * 2. After it, a tariff amendment back to 1 July 2025 and the correction run of 2025 on the same
 *    worker: a supplementary invoice (and its PDF) per participant, against the invoice run
 *    (target: no worse than 1.5 times its time per document).
 * 3. A synthetic run of BENCH_PARTICIPANTS (default 100,000) generated municipalities on a fresh
 *    worker process: its time and the worker's peak resident memory (target: under 512 MB).
 *
 * The synthetic municipalities (codes S00000...) live only in the benchmark's own database; to
 * hold them its copy of the municipality table drops the GMxxxx code check.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@wmo/database';
import { loadPrintables, renderDocumentPdf } from '@wmo/invoicing';
import { SCHEMA } from '@wmo/schema';
import { ApiClient, peakRssMb, startNode, stopNode } from './bench-support';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 100_000);

interface Run {
  id: string;
  status: string;
  progress: { done: number; total: number };
  documentCount: number;
  totalCents: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface InvoicingResults {
  allocation: { documents: number; seconds: number };
  run2025: { documents: number; seconds: number; queuedSeconds: number };
  correction2025: { documents: number; seconds: number; amendmentSeconds: number };
  /** The correction run's time per document over the invoice run's. */
  correctionRatio: number;
  pdfkitOnly: { documents: number; seconds: number };
  overhead: number;
  synthetic: {
    participants: number;
    documents: number;
    seconds: number;
    documentsPerSecond: number;
    peakRssMb: number | null;
    apiPeakRssMb: number | null;
  };
}

const seconds = (run: Run) => (Date.parse(run.finishedAt!) - Date.parse(run.startedAt!)) / 1000;

async function runToCompletion(
  api: ApiClient,
  contractId: string,
  year: number,
  onProgress?: (run: Run) => void,
  kind: 'invoice-runs' | 'correction-runs' = 'invoice-runs',
): Promise<Run> {
  let run = await api.request<Run>(
    'POST',
    `/api/v1/contracts/${contractId}/${kind}`,
    { year },
    { 'idempotency-key': randomUUID() },
  );
  let reported = 0;
  while (run.status !== 'COMPLETED') {
    if (run.status === 'FAILED') throw new Error(`run ${run.id} failed: ${run.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    run = await api.request<Run>('GET', `/api/v1/invoice-runs/${run.id}`);
    if (onProgress && Date.now() - reported > 10_000) {
      reported = Date.now();
      onProgress(run);
    }
  }
  return run;
}

async function contractId(api: ApiClient, reference: string): Promise<string> {
  const page = await api.request<{ items: Array<{ id: string; reference: string }> }>(
    'GET',
    `/api/v1/contracts?limit=100`,
  );
  const found = page.items.find((c) => c.reference === reference);
  if (!found) throw new Error(`no contract ${reference}`);
  return found.id;
}

/** pdfkit alone: the same documents rendered one after another, as the worker does. */
async function renderOnly(url: string, runId: string): Promise<{ documents: number; seconds: number }> {
  const dataSource = await new DataSource(dataSourceOptions(url, SCHEMA)).initialize();
  try {
    const ids = (
      await dataSource.query<Array<{ id: string }>>(
        `SELECT id FROM invoice_document WHERE run_id = $1 ORDER BY number`,
        [runId],
      )
    ).map((row) => row.id);
    const printables = await loadPrintables({ manager: dataSource.manager }, ids);
    for (const printable of printables.slice(0, 20)) await renderDocumentPdf(printable); // warm-up, as the worker had its allocation run
    const started = performance.now();
    for (const printable of printables) await renderDocumentPdf(printable);
    return { documents: printables.length, seconds: (performance.now() - started) / 1000 };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * MADE-UP BENCHMARK DATA: an invoice address for every municipality without billing details (the
 * demo has five real ones), so that the runs measured issue every invoice instead of holding the
 * customers without an address. Only in the benchmark's own database.
 */
async function giveBenchmarkAddresses(url: string): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO billing_details (organisation_id, street, postal_code, city)
       SELECT id, 'Benchmarkstraat 1', '1234 AB', 'Benchmark' FROM organisation WHERE kind = 'MUNICIPALITY'
       ON CONFLICT (organisation_id) DO NOTHING`,
    );
  } finally {
    await db.end();
  }
}

/** Generated municipalities with a population, an organisation each, and one activated contract they all take part in. */
async function syntheticContract(url: string, vng: ApiClient, count: number): Promise<string> {
  const providers = await vng.request<Array<{ id: string; legalName: string }>>('GET', '/api/v1/providers');
  const supplierId = providers.find((p) => p.legalName === 'Stichting Sensoor')!.id;
  const services = await vng.request<Array<{ id: string; dutyCode: string }>>(
    'GET',
    `/api/v1/providers/${supplierId}/services`,
  );
  const contract = await vng.request<{ id: string; contractingOrganisationId: string }>('POST', '/api/v1/contracts', {
    kind: 'COLLECTIVE',
    dutyCode: 'WMO2015_2_2_4_1B',
    title: `Benchmark: ${count} synthetische gemeenten`,
    supplierId,
    serviceIds: [services.find((s) => s.dutyCode === 'WMO2015_2_2_4_1B')!.id],
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    fundingModel: 'DIRECT_INVOICE',
    vatCategory: 'E',
    vatExemptionReason: 'Vrijgesteld (benchmark)',
    tariffs: [{ perInhabitant: '0.2500', validFrom: '2025-01-01' }],
  });
  await vng.request('POST', `/api/v1/contracts/${contract.id}/activate`);
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(`ALTER TABLE municipality DROP CONSTRAINT IF EXISTS municipality_code_format`);
    const code = `'S' || lpad(i::text, 5, '0')`;
    await db.query(
      `INSERT INTO municipality (code, name, province_code) SELECT ${code}, 'Synthetisch ' || i, 'PV20' FROM generate_series(0, $1 - 1) i`,
      [count],
    );
    await db.query(
      `INSERT INTO population_figure (municipality_code, reference_date, inhabitants, source)
       SELECT ${code}, '2024-01-01', 1000 + (i * 7919) % 150000, 'synthetisch (benchmark)' FROM generate_series(0, $1 - 1) i`,
      [count],
    );
    await db.query(
      `INSERT INTO organisation (kind, name, municipality_code) SELECT 'MUNICIPALITY', 'Gemeente Synthetisch ' || i, ${code} FROM generate_series(0, $1 - 1) i`,
      [count],
    );
    await db.query(
      `INSERT INTO participation (contract_id, contracting_organisation_id, supplier_id, municipality_code, from_date, origin)
       SELECT $2, c.contracting_organisation_id, c.supplier_id, ${code}, '2025-01-01', 'ENROLMENT' FROM generate_series(0, $1 - 1) i, contract c WHERE c.id = $2`,
      [count, contract.id],
    );
    await db.query('COMMIT');
    await db.query('ANALYZE');
  } finally {
    await db.end();
  }
  return contract.id;
}

export async function benchInvoicing(
  url: string,
  apiBase: string,
  apiPid: number,
  env: Record<string, string>,
): Promise<InvoicingResults> {
  const vng = new ApiClient(apiBase, 'vng@demo.nl');
  const log = (line: string) => process.stdout.write(`${line}\n`);

  await giveBenchmarkAddresses(url);
  const worker = await startNode('apps/worker/src/main.js', env, /Worker ready()/);
  let allocation: InvoicingResults['allocation'];
  let run2025: Run;
  let correction2025: Run;
  let amendmentSeconds: number;
  try {
    log('Invoicing: the 2016 allocation run (VNG-SEN-2015) ...');
    const allocationRun = await runToCompletion(vng, await contractId(vng, 'VNG-SEN-2015'), 2016);
    allocation = { documents: allocationRun.documentCount, seconds: seconds(allocationRun) };
    log('Invoicing: the 2025 run (VNG-SEN-2018) ...');
    const vng2018 = await contractId(vng, 'VNG-SEN-2018');
    run2025 = await runToCompletion(vng, vng2018, 2025);
    log('Invoicing: a tariff amendment back to 1 July 2025, then the 2025 correction run (VNG-SEN-2018) ...');
    // MADE-UP BENCHMARK DATA: no such amendment exists; EUR 0.30 per inhabitant from 1 July 2025
    // makes every participant of the 2025 run billed too little, so the correction run issues a
    // supplementary invoice to each. The request answers the billing impact (not timed as the run).
    const amended = performance.now();
    await vng.request('POST', `/api/v1/contracts/${vng2018}/amendments`, {
      effectiveDate: '2025-07-01',
      reason: 'Tariefwijziging (benchmark)',
      perInhabitant: '0.3000',
    });
    amendmentSeconds = (performance.now() - amended) / 1000;
    correction2025 = await runToCompletion(vng, vng2018, 2025, undefined, 'correction-runs');
  } finally {
    await stopNode(worker.child);
  }
  log('Invoicing: pdfkit alone on the same documents ...');
  const pdfkitOnly = await renderOnly(url, run2025.id);
  const runSeconds = seconds(run2025);

  // Today's compliance evaluation is claimed now, on the demo data: otherwise a worker may run it
  // over the synthetic municipalities in the middle of the measured run.
  await new ApiClient(apiBase, 'operator@demo.nl').request('POST', '/api/v1/compliance/evaluations');
  log(`Invoicing: generating ${PARTICIPANTS.toLocaleString('en')} synthetic participants ...`);
  const synthetic = await syntheticContract(url, vng, PARTICIPANTS);
  await giveBenchmarkAddresses(url);
  const bigWorker = await startNode('apps/worker/src/main.js', env, /Worker ready()/);
  let big: Run;
  let workerPeak: number | null;
  try {
    big = await runToCompletion(vng, synthetic, 2025, (run) =>
      log(`  ${run.progress.done.toLocaleString('en')} / ${run.progress.total.toLocaleString('en')} documents`),
    );
    workerPeak = peakRssMb(bigWorker.child.pid!);
  } finally {
    await stopNode(bigWorker.child);
  }
  const bigSeconds = seconds(big);
  const correctionSeconds = seconds(correction2025);
  return {
    allocation,
    run2025: {
      documents: run2025.documentCount,
      seconds: runSeconds,
      queuedSeconds: (Date.parse(run2025.startedAt!) - Date.parse(run2025.createdAt)) / 1000,
    },
    correction2025: { documents: correction2025.documentCount, seconds: correctionSeconds, amendmentSeconds },
    correctionRatio: correctionSeconds / correction2025.documentCount / (runSeconds / run2025.documentCount),
    pdfkitOnly,
    overhead: runSeconds / pdfkitOnly.seconds - 1,
    synthetic: {
      participants: PARTICIPANTS,
      documents: big.documentCount,
      seconds: bigSeconds,
      documentsPerSecond: Math.round(big.documentCount / bigSeconds),
      peakRssMb: workerPeak,
      apiPeakRssMb: peakRssMb(apiPid),
    },
  };
}

export function invoicingReport(r: InvoicingResults): string[] {
  const s = (value: number) => `${value.toFixed(1)} s`;
  return [
    '| invoicing | documents | time | per document |',
    '|---|---|---|---|',
    `| 2016 allocation run (VNG-SEN-2015), statements + PDFs | ${r.allocation.documents} | ${s(r.allocation.seconds)} | ${((r.allocation.seconds * 1000) / r.allocation.documents).toFixed(1)} ms |`,
    `| 2025 run (VNG-SEN-2018), invoices + PDFs | ${r.run2025.documents} | ${s(r.run2025.seconds)} | ${((r.run2025.seconds * 1000) / r.run2025.documents).toFixed(1)} ms |`,
    `| pdfkit alone, the same ${r.pdfkitOnly.documents} PDFs | ${r.pdfkitOnly.documents} | ${s(r.pdfkitOnly.seconds)} | ${((r.pdfkitOnly.seconds * 1000) / r.pdfkitOnly.documents).toFixed(1)} ms |`,
    `| 2025 correction run (VNG-SEN-2018), tariff back to 1 July: differences recomputed, supplementary invoices in one transaction + PDFs | ${r.correction2025.documents} | ${s(r.correction2025.seconds)} | ${((r.correction2025.seconds * 1000) / r.correction2025.documents).toFixed(1)} ms |`,
    `| synthetic run, ${r.synthetic.participants.toLocaleString('en')} participants | ${r.synthetic.documents.toLocaleString('en')} | ${s(r.synthetic.seconds)} | ${((r.synthetic.seconds * 1000) / r.synthetic.documents).toFixed(1)} ms |`,
    '',
    `Run overhead over bare pdfkit rendering: ${(r.overhead * 100).toFixed(0)}% (target: under 50%); the 2025 run waited ${r.run2025.queuedSeconds.toFixed(1)} s in the queue before a worker took it.`,
    `Correction run / invoice run, per document: ${r.correctionRatio.toFixed(2)}x (target: no worse than 1.5x); both timed from the moment the worker took the run up to COMPLETED, PDFs rendered and stored included; the amendment request before it (its billing impact computed and told) took ${r.correction2025.amendmentSeconds.toFixed(1)} s, not included.`,
    `Synthetic run: ${r.synthetic.documentsPerSecond.toLocaleString('en')} documents/s; worker peak memory (RSS) ${r.synthetic.peakRssMb ?? '?'} MB (target: under 512 MB); API peak ${r.synthetic.apiPeakRssMb ?? '?'} MB.`,
  ];
}
