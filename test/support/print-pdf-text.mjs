// Prints the text of the PDF on stdin, read with pdf.js through unpdf. A separate process,
// because pdf.js is an ES module that jest's CommonJS sandbox cannot import.
import { extractText, getDocumentProxy } from 'unpdf';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const document = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const { text } = await extractText(document, { mergePages: true });
process.stdout.write(text);
