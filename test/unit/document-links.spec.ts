import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The documents a newcomer reads first; every file they name must exist, so that they can follow it. */
const DOCUMENTS = ['README.md', 'docs/DOMAIN.md', 'test/fixtures/einvoice/README.md'];

/** A repository path in backticks (`libs/invoicing/src/ubl.ts`), or a relative Markdown link target. */
function namedPaths(document: string, text: string): string[] {
  const quoted = [...text.matchAll(/`((?:libs|apps|test|migrations|docs|scripts|tools|data)\/[\w./-]+)`/g)].map(
    (m) => m[1],
  );
  const linked = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
    .map((m) => m[1])
    .filter((target) => !/^[a-z]+:/.test(target))
    .map((target) => join(dirname(document), target));
  return [...new Set([...quoted, ...linked])];
}

describe('the paths the documents name exist', () => {
  it.each(DOCUMENTS)('%s', (document) => {
    const paths = namedPaths(document, readFileSync(join(ROOT, document), 'utf8'));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((path) => !existsSync(join(ROOT, path.replace(/\/\*.*$/, ''))))).toEqual([]);
  });

  it('finds quoted paths and relative links, not web links or anchors', () => {
    const text =
      'Loaded by `libs/compliance/src/coverage.loader.ts`; see [the rules](DOMAIN.md#billing-rules), ' +
      '[Peppol](https://peppol.org/) and [below](#tests).';
    expect(namedPaths('docs/X.md', text)).toEqual(['libs/compliance/src/coverage.loader.ts', 'docs/DOMAIN.md']);
  });
});
