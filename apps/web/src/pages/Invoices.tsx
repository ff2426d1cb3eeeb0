import { PageHeading } from '../components/ui';

// Placeholder: to be built.
export function InvoicesPage() {
  return <PageHeading>Facturen</PageHeading>;
}
