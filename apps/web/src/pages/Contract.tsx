import { PageHeading } from '../components/ui';

// Placeholder: to be built.
export function ContractPage() {
  return <PageHeading>Contract</PageHeading>;
}
