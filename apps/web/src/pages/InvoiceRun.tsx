import { PageHeading } from '../components/ui';

// Placeholder: to be built.
export function InvoiceRunPage() {
  return <PageHeading>Factuurronde</PageHeading>;
}
