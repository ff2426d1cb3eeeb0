/* eslint-disable @typescript-eslint/no-require-imports */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

/**
 * Validation of generated e-invoices against rule sets this project did not write: the OASIS UBL
 * 2.1 schemas (xmllint-wasm) and the compiled EN 16931 and SI-UBL 2.0 schematron (SaxonJS via
 * xslt3), all from ../shared/einvoice. Without that folder the specs that use this skip, loudly.
 */
export const EINVOICE_DIR = join(__dirname, '..', '..', '..', 'shared', 'einvoice');
export const EINVOICE_AVAILABLE = existsSync(join(EINVOICE_DIR, 'rules', 'si-ubl-2.0.xsl'));

if (!EINVOICE_AVAILABLE) {
  process.stderr.write(
    `\n*** E-INVOICE VALIDATION SKIPPED: ${EINVOICE_DIR} is missing (the UBL 2.1 schemas and the EN 16931 / SI-UBL 2.0 rules). ` +
      'Put ../shared beside this repository to run it. ***\n\n',
  );
}

const RULES = { en16931: 'EN16931-UBL-validation.xslt', nlcius: 'si-ubl-2.0.xsl' } as const;

/** Compiles a schematron XSLT to a SaxonJS SEF once; cached by content in the temp folder (about 20 s the first time). */
function compiled(rule: keyof typeof RULES): string {
  const source = join(EINVOICE_DIR, 'rules', RULES[rule]);
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16);
  const sef = join(tmpdir(), `wmo-${rule}-${hash}.sef.json`);
  if (!existsSync(sef)) {
    execFileSync(process.execPath, [require.resolve('xslt3/xslt3.js'), `-xsl:${source}`, `-export:${sef}`, '-nogo'], {
      stdio: 'ignore',
    });
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
