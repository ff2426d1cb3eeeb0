import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** The text of a PDF, page after page, read with pdf.js (no system tools needed). */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, 'print-pdf-text.mjs')],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) =>
        error ? reject(new Error(`print-pdf-text failed: ${error.message}`, { cause: error })) : resolve(stdout),
    );
    child.stdin!.end(pdf);
  });
}
