import { contractId } from '../support/demo';
import { binary } from '../support/http';
import { Doc, Run, runDocuments, startRun } from '../support/invoicing';
import { pdfText } from '../support/pdf-text';
import { Client, listenOnce, startSignedIn, TestApp, waitForRun } from '../support/test-app';

const MAASDONK_DIVIDED =
  "Maasdonk is op 1 januari 2015 verdeeld over 's-Hertogenbosch en Oss, zonder bekend aandeel per gemeente;";

/**
 * DOMAIN.md rule 3: Maasdonk (GM1671) was divided on 1 January 2015 between 's-Hertogenbosch and
 * Oss with no known address share, so in the 2015 run (figures of 1 January 2014) neither counts
 * it, and each document says why, in Dutch, naming the municipalities.
 */
describe('the 2015 run of VNG-SEN-2015: an approximation is explained in Dutch on the line, the document and its PDF', () => {
  let t: TestApp, vng: Client;
  let run: Run;
  let docs: Doc[];
  const doc = (code: string) => docs.find((d) => d.municipalityCode === code)!;

  beforeAll(async () => {
    [t, vng] = await startSignedIn('vng@demo.nl');
    await listenOnce(t);
    const started = await startRun(vng, await contractId(t, 'VNG-SEN-2015'), { year: 2015 });
    expect(started.status).toBe(202);
    run = await waitForRun<Run>(vng, started.body.id);
    docs = await runDocuments(vng, run.id);
  }, 120_000);
  afterAll(() => t?.close());

  it("'s-Hertogenbosch (GM0796): its line counts its own CBS figure and says Maasdonk's part is not counted", () => {
    expect(run).toMatchObject({ status: 'COMPLETED', referenceDate: '2014-01-01' });
    expect(doc('GM0796').lines).toEqual([
      expect.objectContaining({
        inhabitants: 143_733,
        calculation: '143.733 inwoners (CBS, peildatum 01-01-2014) x EUR 0,2500 (benadering, zie toelichting)',
        approximationNote: `${MAASDONK_DIVIDED} het deel dat naar 's-Hertogenbosch ging telt hier niet mee.`,
      }),
    ]);
  });

  it('Oss (GM0828): the same division, from its side', () => {
    expect(doc('GM0828').lines.map((line) => line.approximationNote)).toEqual([
      `${MAASDONK_DIVIDED} het deel dat naar Oss ging telt hier niet mee.`,
    ]);
  });

  it("the PDF of 's-Hertogenbosch's document carries the note; a municipality without a reorganisation has none", async () => {
    const pdfOf = async (id: string) => {
      const res = await vng.get(`/api/v1/invoices/${id}/pdf`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      return (await pdfText(res.body as Buffer)).replace(/\s+/g, ' ');
    };
    expect(await pdfOf(doc('GM0796').id)).toContain(
      `Toelichting inwonertal: ${MAASDONK_DIVIDED} het deel dat naar 's-Hertogenbosch ging telt hier niet mee.`,
    );
    const assen = await pdfOf(doc('GM0106').id);
    expect(doc('GM0106').lines[0].approximationNote).toBeNull();
    expect(assen).not.toContain('Toelichting inwonertal');
  });
});
