import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { ImportProgress, PopulationImportError, PopulationImportService } from '@wmo/reference-data';

/** `import-population <file.csv> [--dry-run]`: exit 0 when imported, 1 when the file has problems. */
export async function importPopulation(app: INestApplicationContext, file: string, dryRun: boolean): Promise<number> {
  const csv = readFileSync(file);
  const progress = (p: ImportProgress) => {
    const line = `${p.phase === 'validate' ? 'Validated' : 'Written'} ${p.done}/${p.total} rows (${Math.floor((100 * p.done) / p.total)}%)`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  };
  try {
    const result = await app.get(PopulationImportService).import(csv, {
      source: `CBS population file ${basename(file)}, imported ${new Date().toISOString()}`,
      dryRun,
      onProgress: progress,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    for (const year of result.years) {
      const coverage =
        year.rows === year.municipalities ? 'complete' : `${year.rows} of ${year.municipalities} municipalities`;
      process.stdout.write(`1 January ${year.year}: ${coverage}\n`);
    }
    process.stdout.write(
      dryRun
        ? `Dry run: ${result.rows} rows are valid; nothing was written.\n`
        : `Imported ${result.rows} rows: ${result.inserted} new, ${result.updated} changed, ${result.unchanged} unchanged.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof PopulationImportError) {
      if (process.stderr.isTTY) process.stderr.write('\n');
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
