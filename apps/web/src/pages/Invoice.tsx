import { PageHeading } from '../components/ui';

// Placeholder: to be built.
export function InvoicePage() {
  return <PageHeading>Factuur</PageHeading>;
}
