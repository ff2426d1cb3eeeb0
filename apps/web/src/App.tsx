import { QueryClientProvider } from '@tanstack/react-query';
import { Component, ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { queryClient } from './api/client';
import { Layout } from './components/Layout';
import { Alert, Loading, PageHeading } from './components/ui';
import { homeFor } from './nav';
import { BillingDetailsPage } from './pages/BillingDetails';
import { ContractPage } from './pages/Contract';
import { ContractsPage } from './pages/Contracts';
import { InvoicePage } from './pages/Invoice';
import { InvoiceRunPage } from './pages/InvoiceRun';
import { InvoicesPage } from './pages/Invoices';
import { NotificationsPage } from './pages/Notifications';
import { ImportsPage } from './pages/Imports';
import { ObligationPage } from './pages/Obligation';
import { OverviewPage } from './pages/Overview';
import { SignIn } from './pages/SignIn';
import { StatisticsPage } from './pages/Statistics';
import { AdminRoutes } from './pages/admin/AdminRoutes';
import { SessionProvider, useMe, useSession } from './session';

/** Never a blank page: a rendering error shows a Dutch message and a way back. */
class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="utrecht-page-content site-main">
        <Alert type="error">Er ging iets mis bij het tonen van deze pagina.</Alert>
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href="/">
            Terug naar de startpagina
          </a>
        </p>
      </div>
    );
  }
}

function NotFound() {
  return (
    <>
      <PageHeading>Pagina niet gevonden</PageHeading>
      <p className="utrecht-paragraph">Deze pagina bestaat niet. Kies een onderdeel in het menu.</p>
    </>
  );
}

function Home() {
  return <Navigate to={homeFor(useMe())} replace />;
}

function SignedInRoutes() {
  return (
    <Layout>
      <ErrorBoundary>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/verplichting" element={<ObligationPage />} />
          <Route path="/facturen" element={<InvoicesPage />} />
          <Route path="/facturen/:id" element={<InvoicePage />} />
          <Route path="/factuurgegevens" element={<BillingDetailsPage />} />
          <Route path="/contracten" element={<ContractsPage />} />
          <Route path="/contracten/:id" element={<ContractPage />} />
          <Route path="/factuurrondes/:id" element={<InvoiceRunPage />} />
          <Route path="/overzicht" element={<OverviewPage />} />
          <Route path="/statistieken" element={<StatisticsPage />} />
          <Route path="/meldingen" element={<NotificationsPage />} />
          <Route path="/gegevens-laden" element={<ImportsPage />} />
          <Route path="/beheer/*" element={<AdminRoutes />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </ErrorBoundary>
    </Layout>
  );
}

function Gate() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <main className="utrecht-page-content site-main">
        <Loading label="Even geduld…" />
      </main>
    );
  }
  // Signed out: the sign-in page at whatever address was asked for; after signing in, that page shows.
  if (state.status === 'signed-out') return <SignIn key={location.pathname} reason={state.reason} />;
  return <SignedInRoutes />;
}

export function App() {
  return (
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <BrowserRouter>
            <Gate />
          </BrowserRouter>
        </SessionProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
