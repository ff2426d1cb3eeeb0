import { PageHeading } from '../components/ui';

// Placeholder: to be built.
export function BillingDetailsPage() {
  return <PageHeading>Factuurgegevens</PageHeading>;
}
