import { EntityManager, In } from 'typeorm';
import { InvoiceDocumentEntity, InvoiceLineEntity } from './invoicing.entities';
import type { PrintableDocument } from './invoice-pdf';

/** Documents with their lines, ready to render: two queries for any number of documents. */
export async function loadPrintables(
  manager: EntityManager,
  ids: string[],
): Promise<Array<PrintableDocument & { id: string; supplierId: string; creditedIssueDate: string | null }>> {
  if (ids.length === 0) return [];
  const documents = await manager.findBy(InvoiceDocumentEntity, { id: In(ids) });
  const lines = await manager.find(InvoiceLineEntity, {
    where: { documentId: In(ids) },
    order: { documentId: 'ASC', lineNumber: 'ASC' },
  });
  const creditedIds = documents.map((d) => d.creditedDocumentId).filter((id): id is string => !!id);
  const credited = creditedIds.length ? await manager.findBy(InvoiceDocumentEntity, { id: In(creditedIds) }) : [];
  const byId = new Map(documents.map((d) => [d.id, d]));
  const legalBases = documents.some((d) => !d.contractSnapshot.legalBasis)
    ? new Map(
        (
          await manager.query<Array<{ code: string; legalBasis: string }>>(
            `SELECT code, legal_basis AS "legalBasis" FROM duty`,
          )
        ).map((duty) => [duty.code, duty.legalBasis]),
      )
    : new Map<string, string>();
  return ids
    .filter((id) => byId.has(id))
    .map((id) => {
      const d = byId.get(id)!;
      return {
        id,
        type: d.type,
        number: d.number,
        issueDate: d.issueDate,
        dueDate: d.dueDate,
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        referenceDate: d.referenceDate,
        purchaseOrderNumber: d.purchaseOrderNumber,
        paymentTermDays: d.paymentTermDays,
        subtotalCents: Number(d.subtotalCents),
        vatCents: Number(d.vatCents),
        totalCents: Number(d.totalCents),
        vatCategory: d.vatCategory,
        vatRate: d.vatRate,
        vatExemptionReason: d.vatExemptionReason,
        supplier: d.supplierSnapshot,
        customer: d.customerSnapshot,
        contract: {
          ...d.contractSnapshot,
          legalBasis: d.contractSnapshot.legalBasis ?? legalBases.get(d.contractSnapshot.dutyCode) ?? '',
        },
        creditedNumber: credited.find((c) => c.id === d.creditedDocumentId)?.number ?? null,
        creditedIssueDate: credited.find((c) => c.id === d.creditedDocumentId)?.issueDate ?? null,
        supplierId: d.supplierId,
        note: d.note,
        lines: lines
          .filter((l) => l.documentId === id)
          .map((l) => {
            const [description, calculation = ''] = l.description.split(' | ');
            return { description, calculation, amountCents: Number(l.amountCents) };
          }),
      };
    });
}
