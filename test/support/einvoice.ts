/* eslint-disable @typescript-eslint/no-require-imports */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import Decimal from 'decimal.js';

/**
 * Validation of generated e-invoices against rule sets this project did not write: the OASIS UBL
 * 2.1 schemas (xmllint-wasm) and the compiled EN 16931 and SI-UBL 2.0 schematron (SaxonJS via
 * xslt3). The files are in the repository, under test/fixtures/einvoice (its README says where
 * each came from).
 */
const ROOT = join(__dirname, '..', '..');
export const EINVOICE_DIR = join(ROOT, 'test', 'fixtures', 'einvoice');

const RULES = { en16931: 'EN16931-UBL-validation.xslt', nlcius: 'si-ubl-2.0.xsl' } as const;

const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'wmo-einvoice');

/** Where a rule's compiled SaxonJS SEF is cached: by the content of its XSLT, so a new rule set compiles again. */
function sefPath(rule: keyof typeof RULES): { source: string; sef: string } {
  const source = join(EINVOICE_DIR, 'rules', RULES[rule]);
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16);
  return { source, sef: join(CACHE_DIR, `${rule}-${hash}.sef.json`) };
}

/** The xslt3 command that compiles `source` into `partial` (written aside, renamed when complete). */
const xslt3 = (source: string, partial: string) => [
  require.resolve('xslt3/xslt3.js'),
  `-xsl:${source}`,
  `-export:${partial}`,
  '-nogo',
];

/**
 * Starts compiling the rule sets that are not cached yet, both at once and in the background, so
 * that a cold run (a fresh clone) does not compile them one after the other inside the e-invoice
 * spec (about 20 s each). Called by the global setup; the processes outlive nothing they need:
 * each renames its own result into place. Sets WMO_EINVOICE_COMPILING for the Jest workers.
 */
export function startCompilingRules(): void {
  mkdirSync(CACHE_DIR, { recursive: true });
  let started = false;
  for (const rule of Object.keys(RULES) as Array<keyof typeof RULES>) {
    const { source, sef } = sefPath(rule);
    if (existsSync(sef)) continue;
    const partial = `${sef}.${process.pid}.partial`;
    const child = spawn(
      'sh',
      ['-c', '"$0" "$@" && mv "$PARTIAL" "$SEF"', process.execPath, ...xslt3(source, partial)],
      { env: { ...process.env, PARTIAL: partial, SEF: sef }, stdio: 'ignore', detached: true },
    );
    child.unref();
    started = true;
  }
  if (started) process.env.WMO_EINVOICE_COMPILING = '1';
}

/**
 * The compiled SEF of a rule set: from the cache, after the global setup's compilation when it is
 * still running (waiting up to five minutes), or compiled here (a spec run on its own).
 */
function compiled(rule: keyof typeof RULES): string {
  const { source, sef } = sefPath(rule);
  if (!existsSync(sef) && process.env.WMO_EINVOICE_COMPILING) {
    const until = Date.now() + 300_000;
    while (!existsSync(sef) && Date.now() < until) execFileSync('sleep', ['0.5']);
  }
  if (!existsSync(sef)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written aside and renamed: a parallel run never reads a half-written file.
    const partial = `${sef}.${process.pid}.partial`;
    execFileSync(process.execPath, xslt3(source, partial), { stdio: 'ignore' });
    renameSync(partial, sef);
  }
  return sef;
}

export interface ValidationReport {
  xsd: string[];
  /** Failed assertions with flag fatal (or none): `[rule id] text`. */
  en16931: string[];
  nlcius: string[];
}

function failedAsserts(svrl: string): string[] {
  const failures: string[] = [];
  for (const match of svrl.matchAll(/<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g)) {
    const attributes = match[1];
    const flag = /flag="([^"]*)"/.exec(attributes)?.[1];
    if (flag && flag !== 'fatal') continue;
    const id = /id="([^"]*)"/.exec(attributes)?.[1] ?? '?';
    const text = /<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(match[2])?.[1]?.replace(/\s+/g, ' ').trim() ?? '';
    failures.push(`[${id}] ${text}`);
  }
  return failures;
}

export async function validateUbl(xml: string): Promise<ValidationReport> {
  const { validateXML } = require('xmllint-wasm') as typeof import('xmllint-wasm');
  const SaxonJS = require('saxon-js');
  const base = join(EINVOICE_DIR, 'ubl-2.1');
  const root = xml.includes('<CreditNote') ? 'CreditNote' : 'Invoice';
  const common = readdirSync(join(base, 'common')).map((file) => ({
    fileName: `common/${file}`,
    contents: readFileSync(join(base, 'common', file), 'utf8'),
  }));
  const xsd = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [
      {
        fileName: `maindoc/UBL-${root}-2.1.xsd`,
        contents: readFileSync(join(base, 'maindoc', `UBL-${root}-2.1.xsd`), 'utf8'),
      },
    ],
    preload: common,
  });
  const run = (rule: keyof typeof RULES) =>
    failedAsserts(
      SaxonJS.transform({ stylesheetFileName: compiled(rule), sourceText: xml, destination: 'serialized' }, 'sync')
        .principalResult as string,
    );
  return { xsd: xsd.errors.map((e: { message: string }) => e.message), en16931: run('en16931'), nlcius: run('nlcius') };
}

/**
 * Peppol BIS Billing 3.0's line rule PEPPOL-EN16931-R120, restated here because the Peppol rule
 * files are not among the rule sets the project carries (test/fixtures/einvoice holds only the
 * UBL 2.1 schemas, EN 16931 and SI-UBL 2.0): each line's net amount must equal quantity x
 * (price / base quantity) + line charges - line allowances, within 0.02 (the rule's
 * `u:slack`). Answers one text per line that does not, empty when all do.
 */
export function peppolLineAmountErrors(xml: string): string[] {
  const errors: string[] = [];
  for (const [line] of xml.matchAll(/<cac:(InvoiceLine|CreditNoteLine)>[\s\S]*?<\/cac:\1>/g)) {
    const value = (pattern: RegExp, fallback?: string) => {
      const found = pattern.exec(line)?.[1] ?? fallback;
      if (found === undefined) throw new Error(`No ${pattern} in ${line}`);
      return new Decimal(found);
    };
    const sum = (charge: boolean) =>
      [...line.matchAll(/<cac:AllowanceCharge>([\s\S]*?)<\/cac:AllowanceCharge>/g)]
        .filter(([, body]) => body.includes(`<cbc:ChargeIndicator>${charge}</cbc:ChargeIndicator>`))
        .reduce((total, [, body]) => total.plus(/<cbc:Amount[^>]*>([^<]+)</.exec(body)![1]), new Decimal(0));
    const id = /<cbc:ID>([^<]+)</.exec(line)![1];
    const net = value(/<cbc:LineExtensionAmount[^>]*>([^<]+)</);
    const quantity = value(/<cbc:(?:Invoiced|Credited)Quantity[^>]*>([^<]+)</);
    const price = value(/<cbc:PriceAmount[^>]*>([^<]+)</);
    const base = value(/<cbc:BaseQuantity[^>]*>([^<]+)</, '1');
    const stated = quantity.mul(price.div(base)).plus(sum(true)).minus(sum(false));
    if (net.minus(stated).abs().gt('0.02'))
      errors.push(
        `[PEPPOL-EN16931-R120] line ${id}: ${net.toFixed()} is not ${quantity.toFixed()} x ${price.toFixed()} / ${base.toFixed()} + charges - allowances = ${stated.toFixed()}`,
      );
  }
  return errors;
}
