/* eslint-disable @typescript-eslint/no-require-imports */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

/**
 * Validation of generated e-invoices against rule sets this project did not write: the OASIS UBL
 * 2.1 schemas (xmllint-wasm) and the compiled EN 16931 and SI-UBL 2.0 schematron (SaxonJS via
 * xslt3). The files are in the repository, under test/fixtures/einvoice (its README says where
 * each came from).
 */
const ROOT = join(__dirname, '..', '..');
export const EINVOICE_DIR = join(ROOT, 'test', 'fixtures', 'einvoice');

const RULES = { en16931: 'EN16931-UBL-validation.xslt', nlcius: 'si-ubl-2.0.xsl' } as const;

/**
 * Compiles a schematron XSLT to a SaxonJS SEF once (about 20 s); cached by content under
 * node_modules/.cache, which outlives the run's temporary folder (global-setup points TMPDIR at it).
 */
function compiled(rule: keyof typeof RULES): string {
  const source = join(EINVOICE_DIR, 'rules', RULES[rule]);
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16);
  const cacheDir = join(ROOT, 'node_modules', '.cache', 'wmo-einvoice');
  const sef = join(cacheDir, `${rule}-${hash}.sef.json`);
  if (!existsSync(sef)) {
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed: a parallel run never reads a half-written file.
    const partial = `${sef}.${process.pid}.partial`;
    execFileSync(
      process.execPath,
      [require.resolve('xslt3/xslt3.js'), `-xsl:${source}`, `-export:${partial}`, '-nogo'],
      {
        stdio: 'ignore',
      },
    );
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
