import { FormEvent, useId, useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { TextField } from '../../components/fields';
import { Button, ErrorAlert } from '../../components/ui';
import { dateLong, euroCents, today } from '../../format';
import { ErrorSummary, FieldErrors } from './forms';
import { InvoiceDocument } from './types';

type PaymentField = 'amount' | 'date' | 'reference';
const LABELS: Record<PaymentField, string> = {
  amount: 'Bedrag (euro)',
  date: 'Datum van ontvangst',
  reference: 'Kenmerk',
};

/**
 * "1.234,56", "1234,56", "1234.56" or "€ 1.234" as cents; null when it is not an amount.
 * A comma is the decimal sign; dots are thousands separators, unless a single dot is followed by 1 or 2 digits.
 */
export function parseAmount(input: string): number | null {
  let text = input.replace(/[\s\u00a0€]/g, '').replace(/^EUR/i, '');
  if (!text) return null;
  if (text.includes(',')) {
    if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(text)) return null;
    text = text.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(text)) {
    text = text.replace(/\./g, '');
  } else if (!/^\d+(\.\d{1,2})?$/.test(text)) {
    return null;
  }
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** The API's English field messages (CreatePaymentDto and DocumentsService.pay) in Dutch. */
function dutchFieldMessage(field: PaymentField, message: string, doc: InvoiceDocument): string {
  if (field === 'date') {
    if (/before the invoice date/i.test(message))
      return `De datum mag niet vóór de factuurdatum (${dateLong(doc.issueDate)}) liggen.`;
    if (/future/i.test(message))
      return 'De datum mag niet in de toekomst liggen. Registreer een betaling als die is ontvangen.';
    return 'Vul een geldige datum in, bijvoorbeeld 15-03-2026.';
  }
  if (field === 'amount')
    return /at least/i.test(message)
      ? 'Het bedrag moet groter zijn dan € 0,00.'
      : 'Vul een bedrag in euro in, bijvoorbeeld 1.234,56.';
  return 'Vul een kenmerk in van hoogstens 200 tekens, bijvoorbeeld het nummer van het bankafschrift.';
}

/** "Betaling registreren": for the issuer's finance staff; the updated document goes to `onRecorded`. */
export function PaymentForm({
  doc,
  onRecorded,
}: {
  doc: InvoiceDocument;
  onRecorded: (updated: InvoiceDocument, amountCents: number) => void;
}) {
  const latest = today();
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(latest);
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();
  const idOf = (field: string) => `${formId}${field}`;

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    const value = parseAmount(amount);
    if (!amount.trim()) found.amount = 'Vul het ontvangen bedrag in, bijvoorbeeld 1.234,56.';
    else if (value === null)
      found.amount = 'Vul een bedrag in euro in met hoogstens twee cijfers achter de komma, bijvoorbeeld 1.234,56.';
    else if (value <= 0) found.amount = 'Het bedrag moet groter zijn dan € 0,00.';
    else if (value > doc.outstandingCents)
      found.amount = `Het bedrag is hoger dan wat er openstaat (${euroCents(doc.outstandingCents)}).`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn)) found.date = 'Vul de datum in waarop het geld is ontvangen.';
    else if (paidOn < doc.issueDate)
      found.date = `De datum mag niet vóór de factuurdatum (${dateLong(doc.issueDate)}) liggen.`;
    else if (paidOn > latest)
      found.date = 'De datum mag niet in de toekomst liggen. Registreer een betaling als die is ontvangen.';
    if (!reference.trim()) found.reference = 'Vul een kenmerk in, bijvoorbeeld het nummer van het bankafschrift.';
    else if (reference.trim().length > 200) found.reference = 'Het kenmerk mag hoogstens 200 tekens lang zijn.';
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) return;
    const amountCents = parseAmount(amount)!;
    setBusy(true);
    try {
      const updated = await api<InvoiceDocument>(`/invoices/${doc.id}/payments`, {
        method: 'POST',
        body: { amountCents, date: paidOn, reference: reference.trim() },
      });
      setAmount('');
      setReference('');
      setErrors({});
      onRecorded(updated, amountCents);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length) {
        const mapped: FieldErrors = {};
        for (const problem of error.fieldErrors) {
          const field: PaymentField = problem.field.startsWith('amount')
            ? 'amount'
            : problem.field.startsWith('date')
              ? 'date'
              : 'reference';
          mapped[field] ??= dutchFieldMessage(field, problem.message, doc);
        }
        setErrors(mapped);
      } else if (error instanceof ApiError && error.type === 'overpayment') {
        setErrors({
          amount:
            'Het bedrag is hoger dan wat er nu openstaat. Laad de pagina opnieuw: misschien is er intussen al een betaling geregistreerd.',
        });
      } else if (error instanceof ApiError && error.status === 422) {
        setFailure(
          new ApiError(
            422,
            'Op deze factuur kan geen betaling worden geregistreerd: hij is volledig gecrediteerd of is geen factuur.',
            [],
            error.requestId,
          ),
        );
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form payment-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="payment-heading"
    >
      <h2 id="payment-heading" className="utrecht-heading-2">
        Betaling registreren
      </h2>
      <p className="utrecht-paragraph">
        Nog open: {euroCents(doc.outstandingCents)}. Registreer hier een betaling die u heeft ontvangen.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} idOf={idOf} />
      {failure ? <ErrorAlert error={failure} /> : null}
      <TextField
        id={idOf('amount')}
        label={LABELS.amount}
        error={errors.amount}
        description={`Bijvoorbeeld 1.234,56. Hoogstens ${euroCents(doc.outstandingCents)}.`}
        className="amount-input"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        onChange={setAmount}
      />
      <TextField
        id={idOf('date')}
        label={LABELS.date}
        error={errors.date}
        description={`Niet vóór de factuurdatum (${dateLong(doc.issueDate)}) en niet later dan vandaag.`}
        className="date-input"
        type="date"
        min={doc.issueDate}
        max={latest}
        value={paidOn}
        onChange={setPaidOn}
      />
      <TextField
        id={idOf('reference')}
        label={LABELS.reference}
        error={errors.reference}
        description="Bijvoorbeeld het nummer van het bankafschrift."
        type="text"
        maxLength={200}
        value={reference}
        onChange={setReference}
      />
      <div className="actions">
        <Button type="submit" busy={busy}>
          Betaling registreren
        </Button>
      </div>
    </form>
  );
}
