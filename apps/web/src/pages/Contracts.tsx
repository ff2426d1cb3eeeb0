import { PageHeading } from '../components/ui';

// Placeholder: to be built.
export function ContractsPage() {
  return <PageHeading>Contracten</PageHeading>;
}
