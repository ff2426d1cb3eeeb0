import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface Probe {
  /** Where the code pretends to live: the rules and the config's `files` decide by path. */
  filePath: string;
  code: string;
}

interface LintMessage {
  ruleId: string | null;
  message: string;
  fatal?: boolean;
}

/**
 * Lints source that exists only in memory with the project's own eslint.config.mjs (its rules and
 * their `files`/`ignores`), in a child process: ESLint loads that config as an ES module, which
 * Jest's module system does not. The type-aware rules are switched off for the probes
 * (typescript-eslint's `disableTypeChecked`): their project service would build the whole
 * tsconfig program for a file that is not on disk (~15 s), and the rules shown here need no types.
 */
function lint(probes: Probe[]): LintMessage[][] {
  const script = `
    import { readFileSync } from 'node:fs';
    import { ESLint } from 'eslint';
    import tseslint from 'typescript-eslint';
    const probes = JSON.parse(readFileSync(0, 'utf8'));
    const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });
    const results = [];
    for (const { filePath, code } of probes) {
      const [result] = await eslint.lintText(code, { filePath });
      results.push(result.messages.map(({ ruleId, message, fatal }) => ({ ruleId, message, fatal })));
    }
    process.stdout.write(JSON.stringify(results));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    input: JSON.stringify(probes),
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`ESLint did not run: ${child.stderr}`);
  const results = JSON.parse(child.stdout) as LintMessage[][];
  const fatal = results.flat().filter((message) => message.fatal);
  if (fatal.length) throw new Error(`A probe did not parse: ${fatal.map((message) => message.message).join('; ')}`);
  return results;
}

const SERVICE = 'libs/invoicing/src/lint-probe.service.ts';
const REPOSITORY = 'libs/invoicing/src/lint-probe.repository.ts';
const SQL = `export const statement = 'SELECT id FROM invoice_run WHERE id = $1';\n`;

const PROBES = {
  deepImport: {
    filePath: SERVICE,
    code: `import { ContractEntity } from '@wmo/contracts/src/contract.entities';\nexport const probe = ContractEntity;\n`,
  },
  relativeIntoAnotherLibrary: {
    filePath: SERVICE,
    code: `import { ContractEntity } from '../../contracts/src/contract.entities';\nexport const probe = ContractEntity;\n`,
  },
  entitiesEntryPoint: {
    filePath: SERVICE,
    code: `import { CONTRACT_ENTITIES } from '@wmo/contracts/entities';\nexport const probe = CONTRACT_ENTITIES;\n`,
  },
  entryPointAndOwnFile: {
    filePath: SERVICE,
    code: `import { ContractsModule } from '@wmo/contracts';\nimport { formatDocumentNumber } from './numbering';\nexport const probe = [ContractsModule, formatDocumentNumber];\n`,
  },
  sqlInService: { filePath: SERVICE, code: SQL },
  sqlInRepository: { filePath: REPOSITORY, code: SQL },
  injectDataSourceInFeature: {
    filePath: SERVICE,
    code: `import { InjectDataSource } from '@nestjs/typeorm';\nexport const probe = InjectDataSource;\n`,
  },
  injectDataSourceInTenancy: {
    filePath: 'libs/tenancy/src/lint-probe.ts',
    code: `import { InjectDataSource } from '@nestjs/typeorm';\nexport const probe = InjectDataSource;\n`,
  },
} satisfies Record<string, Probe>;

describe("the project's own lint rules", () => {
  const fired: Partial<Record<keyof typeof PROBES, Array<string | null>>> = {};

  beforeAll(() => {
    const names = Object.keys(PROBES) as Array<keyof typeof PROBES>;
    const results = lint(names.map((name) => PROBES[name]));
    names.forEach((name, i) => (fired[name] = results[i].map((message) => message.ruleId)));
  });

  it('wmo/library-boundaries refuses a deep import into another library', () => {
    expect(fired.deepImport).toContain('wmo/library-boundaries');
  });

  it('wmo/library-boundaries refuses a relative path into another library', () => {
    expect(fired.relativeIntoAnotherLibrary).toContain('wmo/library-boundaries');
  });

  it("wmo/library-boundaries refuses another library's entities entry point outside migrations/schema.ts", () => {
    expect(fired.entitiesEntryPoint).toContain('wmo/library-boundaries');
  });

  it("wmo/library-boundaries accepts another library's entry point and the library's own files", () => {
    expect(fired.entryPointAndOwnFile).not.toContain('wmo/library-boundaries');
  });

  it('wmo/no-query-outside-repository refuses an SQL string in a service', () => {
    expect(fired.sqlInService).toContain('wmo/no-query-outside-repository');
  });

  it('wmo/no-query-outside-repository accepts the same SQL string in a repository', () => {
    expect(fired.sqlInRepository).toEqual([]);
  });

  it('no-restricted-imports refuses InjectDataSource in a feature library', () => {
    expect(fired.injectDataSourceInFeature).toContain('no-restricted-imports');
  });

  it('no-restricted-imports accepts InjectDataSource in libs/tenancy', () => {
    expect(fired.injectDataSourceInTenancy).toEqual([]);
  });
});
