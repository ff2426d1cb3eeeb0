import { Injectable } from '@nestjs/common';
import { cents, todayInAmsterdam } from '@wmo/domain';
import { ScopedDatabase } from '@wmo/tenancy';
import type { CreatePaymentDto, InvoiceDocumentDto } from './dto/invoicing.dto';
import { DocumentAnswers } from './document-answers';
import { DocumentsRepository } from './documents.repository';
import { PaymentRepository } from './payment.repository';
import { assertPayableType, assertPayment } from './payments.rules';

/** Payments received on invoices, recorded by the issuer. */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly documents: DocumentsRepository,
    private readonly payments: PaymentRepository,
    private readonly answers: DocumentAnswers,
  ) {}

  /** Records a payment on an invoice; more than is outstanding, or on a credited invoice, is refused. */
  pay(id: string, dto: CreatePaymentDto): Promise<InvoiceDocumentDto> {
    return this.db.transaction(async (tx) => {
      const invoice = await this.answers.forCorrection(tx, id);
      assertPayableType(invoice);
      await this.documents.lockForCorrection(tx, id);
      const status = await this.answers.status(tx, id);
      assertPayment({
        invoice,
        status,
        payment: { amountCents: dto.amountCents, date: dto.date },
        today: todayInAmsterdam(),
      });
      await this.payments.insert(tx, {
        documentId: id,
        supplierId: invoice.supplierId,
        amountCents: cents(dto.amountCents),
        paidOn: dto.date,
        reference: dto.reference,
        recordedByUserId: tx.principal.userId,
      });
      await tx.audit({
        action: 'invoice.payment-recorded',
        entityType: 'invoice',
        entityId: id,
        organisationId: invoice.supplierId,
        before: { status: status.status },
        after: { ...dto },
      });
      return this.answers.one(tx, id);
    });
  }
}
