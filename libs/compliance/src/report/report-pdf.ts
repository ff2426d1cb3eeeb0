import PDFDocument from 'pdfkit';
import { dutchDate, dutchLongDate, formatEuroCents, formatInteger, todayInAmsterdam } from '@wmo/domain';
import { ComplianceReportDto } from './report.dto';

const LEFT = 50;
const WIDTH = 495;
const BOTTOM = 770;

const STATUS_TEXT: Record<string, string> = {
  COMPLIANT: 'Voldoet aan de plicht',
  AT_RISK: 'Voldoet, maar de dekking loopt af (risico)',
  NON_COMPLIANT: 'Voldoet niet aan de plicht',
};
const CHANNEL_NAMES: Record<string, string> = {
  PHONE: 'Telefoon',
  CHAT: 'Chat',
  EMAIL: 'E-mail',
  VIDEO: 'Video',
  SMS: 'Sms',
};
const DOCUMENT_TYPES: Record<string, string> = {
  INVOICE: 'Factuur',
  CREDIT_NOTE: 'Creditnota',
  ALLOCATION_STATEMENT: 'Toerekening gemeentefonds',
};
const DOCUMENT_STATUSES: Record<string, string> = {
  OPEN: 'Open',
  PARTIALLY_PAID: 'Deels betaald',
  PAID: 'Betaald',
  OVERDUE: 'Vervallen',
  CREDITED: 'Gecrediteerd',
  SETTLED_VIA_FUND: 'Via gemeentefonds',
};
const WEEKDAYS = ['', 'ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];

/** Weekly hours in a line: "ma t/m zo 09:00-22:00", or per day where they differ. */
export function describeHours(schedule: ReadonlyArray<{ weekday: number; from: string; to: string }>): string {
  if (schedule.length === 0) return 'geen vaste openingstijden';
  const byHours = new Map<string, number[]>();
  for (const interval of schedule) {
    const hours = `${interval.from}-${interval.to}`;
    byHours.set(hours, [...(byHours.get(hours) ?? []), interval.weekday]);
  }
  return [...byHours]
    .map(([hours, days]) => {
      const sorted = [...new Set(days)].sort((a, b) => a - b);
      const consecutive = sorted.every((day, i) => i === 0 || day === sorted[i - 1] + 1);
      const when =
        sorted.length > 2 && consecutive
          ? `${WEEKDAYS[sorted[0]]} t/m ${WEEKDAYS[sorted[sorted.length - 1]]}`
          : sorted.map((d) => WEEKDAYS[d]).join(', ');
      return hours === '00:00-24:00' && sorted.length === 7 ? 'dag en nacht, elke dag' : `${when} ${hours}`;
    })
    .join('; ');
}

/**
 * The compliance report as a Dutch A4 PDF for the council and the auditor: the verdict first,
 * then the evidence (coverage, channels and hours, gaps), the money and the national figures.
 */
export function renderComplianceReportPdf(report: ComplianceReportDto): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: LEFT,
      bufferPages: true,
      info: { Title: report.title, Author: 'Platform luisterend oor' },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);

    const ensure = (height: number) => {
      if (pdf.y + height > BOTTOM) pdf.addPage();
    };
    const heading = (text: string) => {
      ensure(40);
      pdf
        .moveDown(0.8)
        .font('Helvetica-Bold')
        .fontSize(12)
        .fillColor('#154273')
        .text(text, LEFT, pdf.y, { width: WIDTH });
      pdf.moveDown(0.3).font('Helvetica').fontSize(9.5).fillColor('black');
    };
    const paragraph = (text: string) => {
      ensure(30);
      pdf.font('Helvetica').fontSize(9.5).text(text, LEFT, pdf.y, { width: WIDTH });
      pdf.moveDown(0.3);
    };
    const facts = (rows: Array<[string, string]>) => {
      for (const [label, value] of rows) {
        ensure(14);
        const y = pdf.y;
        pdf.font('Helvetica-Bold').text(label, LEFT, y, { width: 150 });
        const labelBottom = pdf.y;
        pdf.font('Helvetica').text(value, LEFT + 155, y, { width: WIDTH - 155 });
        pdf.y = Math.max(pdf.y, labelBottom);
      }
      pdf.moveDown(0.3);
    };
    const table = (columns: Array<{ title: string; width: number; align?: 'left' | 'right' }>, rows: string[][]) => {
      const line = (cells: string[], bold: boolean) => {
        ensure(16);
        const y = pdf.y;
        let x = LEFT;
        let bottom = y;
        pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
        cells.forEach((cell, i) => {
          pdf.text(cell, x, y, { width: columns[i].width - 6, align: columns[i].align ?? 'left' });
          bottom = Math.max(bottom, pdf.y);
          x += columns[i].width;
        });
        pdf.y = bottom + 2;
      };
      line(
        columns.map((c) => c.title),
        true,
      );
      pdf
        .moveTo(LEFT, pdf.y)
        .lineTo(LEFT + WIDTH, pdf.y)
        .lineWidth(0.5)
        .stroke();
      pdf.y += 3;
      for (const row of rows) line(row, false);
      pdf.moveDown(0.3).fontSize(9.5);
    };

    const { obligation, municipality } = report;
    pdf
      .font('Helvetica-Bold')
      .fontSize(17)
      .text(`Verantwoording ${obligation.duty.name.toLowerCase()} ${report.year}`, LEFT, 50, { width: WIDTH });
    pdf
      .font('Helvetica')
      .fontSize(12)
      .text(`Gemeente ${municipality.name} (${municipality.code}), provincie ${municipality.provinceName}`, {
        width: WIDTH,
      });
    pdf
      .fontSize(8.5)
      .fillColor('#555555')
      .text(
        `Opgesteld op ${dutchLongDate(todayInAmsterdam(new Date(report.generatedAt)))} voor de gemeenteraad en de accountant; berekend uit de contracten zoals die op dat moment vastliggen.`,
        { width: WIDTH },
      );
    pdf.fillColor('black').fontSize(9.5);

    heading('Wettelijke grondslag');
    paragraph(`Het college draagt er zorg voor "${report.legalBasis.text}" (${report.legalBasis.article}).`);

    heading('Oordeel');
    pdf
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(
        // While the year runs, the verdict speaks up to today, not for days still to come.
        `${STATUS_TEXT[report.status]} over ${report.year}${
          report.judgedThrough < obligation.period.to ? ` t/m ${dutchLongDate(report.judgedThrough)} (vandaag)` : ''
        }`,
        LEFT,
        pdf.y,
        { width: WIDTH },
      );
    pdf.moveDown(0.2);
    paragraph(obligation.explanation);

    heading('Dekking in het jaar');
    if (obligation.coverage.length === 0) paragraph('Er was in dit jaar geen contract dat de plicht dekte.');
    else
      table(
        [
          { title: 'Periode', width: 120 },
          { title: 'Contract', width: 115 },
          { title: 'Aanbieder', width: 120 },
          { title: 'Financiering', width: 140 },
        ],
        obligation.coverage.map((c) => [
          `${dutchDate(c.from)} t/m ${dutchDate(c.to)}`,
          c.contract.reference,
          c.contract.providerName,
          c.contract.fundingRoute,
        ]),
      );

    heading('Kanalen en openingstijden');
    const services = new Map(obligation.coverage.flatMap((c) => c.services.map((s) => [s.id, s] as const)));
    for (const service of services.values()) {
      paragraph(`${service.name}:`);
      table(
        [
          { title: 'Kanaal', width: 70 },
          { title: 'Bereikbaar via', width: 150 },
          { title: 'Openingstijden (Nederlandse tijd)', width: 190 },
          { title: 'Telt mee', width: 85 },
        ],
        service.channels.map((ch) => [
          CHANNEL_NAMES[ch.kind] ?? ch.kind,
          ch.contact ?? '-',
          describeHours(ch.schedule),
          ch.counts ? 'ja (realtime)' : 'nee, niet alleen',
        ]),
      );
    }

    heading('Onderbrekingen');
    const { days, weekly, dated } = obligation.gaps;
    if (days.length + weekly.length + dated.length === 0)
      paragraph(
        'Geen: op elke dag van het jaar was de plicht gedekt en op elk moment van de week was een meetellend kanaal bereikbaar.',
      );
    for (const gap of days)
      paragraph(
        `Zonder contract: ${dutchDate(gap.from)} t/m ${dutchDate(gap.to)} (${formatInteger(gap.days)} ${gap.days === 1 ? 'dag' : 'dagen'}).`,
      );
    for (const gap of weekly)
      paragraph(
        `Elke week ${WEEKDAYS[gap.weekday]} ${gap.from}-${gap.to} geen meetellend kanaal (${dutchDate(gap.validFrom)} t/m ${dutchDate(gap.validTo)}).`,
      );
    for (const gap of dated)
      paragraph(
        `Sluiting: ${gap.start.slice(0, 16).replace('T', ' ')} tot ${gap.end.slice(0, 16).replace('T', ' ')} (${gap.minutes} minuten): ${gap.reasons.join('; ')}.`,
      );

    heading('Kosten en financiering');
    const { cost } = obligation;
    if (cost.lines.length)
      table(
        [
          { title: 'Contract', width: 95 },
          { title: 'Periode', width: 130 },
          { title: 'Berekening', width: 180 },
          { title: 'Bedrag (EUR)', width: 90, align: 'right' },
        ],
        cost.lines.map((l) => [
          l.contractReference,
          `${dutchDate(l.from)} t/m ${dutchDate(l.to)}`,
          `${l.calculation} (peildatum ${dutchDate(l.referenceDate)})`,
          formatEuroCents(l.amountCents),
        ]),
      );
    facts([
      [
        'Kosten ' + cost.year,
        cost.totalCents === null
          ? 'nog niet te berekenen'
          : `EUR ${formatEuroCents(cost.totalCents)}${cost.vatCents ? ` (waarvan btw EUR ${formatEuroCents(cost.vatCents)})` : ''}`,
      ],
      ['Financiering', [...new Set(obligation.coverage.map((c) => c.contract.fundingRoute))].join('; ') || '-'],
    ]);
    if (cost.note) paragraph(cost.note);

    heading(`Facturen en toerekeningen over ${report.year}`);
    if (report.documents.length === 0)
      paragraph('Er zijn (nog) geen facturen of toerekeningen over dit jaar uitgereikt.');
    else {
      table(
        [
          { title: 'Nummer', width: 110 },
          { title: 'Soort', width: 120 },
          { title: 'Datum', width: 70 },
          { title: 'Bedrag (EUR)', width: 90, align: 'right' },
          { title: 'Status', width: 105 },
        ],
        report.documents.map((d) => [
          d.number,
          DOCUMENT_TYPES[d.type] ?? d.type,
          dutchDate(d.issueDate),
          formatEuroCents(d.totalCents),
          d.type === 'CREDIT_NOTE' ? 'Verwerkt' : (DOCUMENT_STATUSES[d.status] ?? d.status),
        ]),
      );
      const t = report.documentTotals;
      facts([
        ['Gefactureerd', `EUR ${formatEuroCents(t.invoicedCents)}`],
        ['Betaald', `EUR ${formatEuroCents(t.paidCents)}`],
        ['Openstaand', `EUR ${formatEuroCents(t.outstandingCents)}`],
        ['Uitname gemeentefonds', `EUR ${formatEuroCents(t.allocatedCents)}`],
      ]);
    }

    heading('Landelijke cijfers van de aanbieder (ter context)');
    paragraph('De hulp is anoniem: cijfers bestaan alleen landelijk, nooit per gemeente.');
    if (report.serviceFigures.length === 0) paragraph('De aanbieder heeft nog geen cijfers aangeleverd.');
    for (const figures of report.serviceFigures) {
      paragraph(
        `${figures.providerName}, ${figures.year}${figures.year < report.year ? ' (meest recente cijfers)' : ''}: ${formatInteger(figures.totalConversations)} gesprekken.`,
      );
      table(
        [
          { title: 'Kanaal', width: 120 },
          { title: 'Gesprekken', width: 120, align: 'right' },
        ],
        figures.channels.map((c) => [CHANNEL_NAMES[c.kind] ?? c.kind, formatInteger(c.conversations)]),
      );
    }

    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      pdf.switchToPage(i);
      pdf.page.margins.bottom = 0;
      pdf
        .font('Helvetica')
        .fontSize(7.5)
        .fillColor('#777777')
        .text(`${report.title} - pagina ${i + 1} van ${range.count}`, LEFT, 805, {
          width: WIDTH,
          align: 'center',
          lineBreak: false,
        });
    }
    pdf.end();
  });
}
