import { QueryClientProvider } from '@tanstack/react-query';
import { Component, ComponentType, lazy, ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { queryClient } from './api/client';
import { PublicLayout } from './components/PublicLayout';
import { Alert, Loading, PageHeading } from './components/ui';
import { homeFor } from './nav';
import { SignIn } from './pages/SignIn';
import { SessionProvider, useMe, useSession } from './session';

/**
 * A page loaded only when it is first shown (its own file in the build): the sign-in page then
 * downloads the sign-in form and nothing of the pages behind it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: each page keeps its own
function page<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const Layout = page(() => import('./components/Layout'), 'Layout');
const BillingDetailsPage = page(() => import('./pages/BillingDetails'), 'BillingDetailsPage');
const ContractPage = page(() => import('./pages/Contract'), 'ContractPage');
const ContractsPage = page(() => import('./pages/Contracts'), 'ContractsPage');
const InvoicePage = page(() => import('./pages/Invoice'), 'InvoicePage');
const InvoiceRunPage = page(() => import('./pages/InvoiceRun'), 'InvoiceRunPage');
const InvoicesPage = page(() => import('./pages/Invoices'), 'InvoicesPage');
const InvoiceRunsPage = page(() => import('./pages/invoices/InvoiceRunsList'), 'InvoiceRunsPage');
const InvoiceRunCheckPage = page(() => import('./pages/invoices/RunCheck'), 'InvoiceRunCheckPage');
const RunStartedPage = page(() => import('./pages/invoices/RunCheck'), 'RunStartedPage');
const NotificationsPage = page(() => import('./pages/Notifications'), 'NotificationsPage');
const ImportsPage = page(() => import('./pages/Imports'), 'ImportsPage');
const ObligationPage = page(() => import('./pages/Obligation'), 'ObligationPage');
const OverviewPage = page(() => import('./pages/Overview'), 'OverviewPage');
const StatisticsPage = page(() => import('./pages/Statistics'), 'StatisticsPage');
const AdminRoutes = page(() => import('./pages/admin/AdminRoutes'), 'AdminRoutes');
const AddClosurePage = page(() => import('./pages/services/Closures'), 'AddClosurePage');
const RemoveClosurePage = page(() => import('./pages/services/Closures'), 'RemoveClosurePage');
const ProviderDetailsPage = page(() => import('./pages/ProviderDetails'), 'ProviderDetailsPage');
const AddServicePage = page(() => import('./pages/services/AddService'), 'AddServicePage');
const EditServicePage = page(() => import('./pages/services/EditService'), 'EditServicePage');
const ServiceHoursPage = page(() => import('./pages/services/ServiceHours'), 'ServiceHoursPage');
const ServicesPage = page(() => import('./pages/services/Services'), 'ServicesPage');
const AccessibilityPage = page(() => import('./pages/about/Accessibility'), 'AccessibilityPage');
const PrivacyPage = page(() => import('./pages/about/Privacy'), 'PrivacyPage');
const ContactPage = page(() => import('./pages/about/Contact'), 'ContactPage');

/** The footer's pages: anyone may read them, signed in (in the portal's frame) or not. */
const PUBLIC_PAGES: Record<string, ComponentType> = {
  '/toegankelijkheid': AccessibilityPage,
  '/privacy': PrivacyPage,
  '/contact': ContactPage,
};

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
    <Suspense fallback={<PageLoading />}>
      <Layout>
        <ErrorBoundary>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/" element={<Home />} />
              <Route path="/verplichting" element={<ObligationPage />} />
              <Route path="/facturen" element={<InvoicesPage />} />
              <Route path="/facturen/:id" element={<InvoicePage />} />
              <Route path="/factuurgegevens" element={<BillingDetailsPage />} />
              <Route path="/contracten" element={<ContractsPage />} />
              <Route path="/contracten/:id/*" element={<ContractPage />} />
              <Route path="/contracten/:id/factuurronde-starten" element={<InvoiceRunCheckPage />} />
              <Route path="/factuurrondes" element={<InvoiceRunsPage />} />
              <Route path="/factuurrondes/:id" element={<InvoiceRunPage />} />
              <Route path="/factuurrondes/:id/gestart" element={<RunStartedPage />} />
              <Route path="/overzicht" element={<OverviewPage />} />
              <Route path="/statistieken" element={<StatisticsPage />} />
              <Route path="/aanbieder" element={<ProviderDetailsPage />} />
              <Route path="/diensten" element={<ServicesPage />} />
              <Route path="/diensten/nieuw" element={<AddServicePage />} />
              <Route path="/diensten/:serviceId/gegevens" element={<EditServicePage />} />
              <Route path="/diensten/:serviceId/openingstijden" element={<ServiceHoursPage />} />
              <Route path="/diensten/:serviceId/sluiting" element={<AddClosurePage />} />
              <Route path="/diensten/:serviceId/sluitingen/:closureId" element={<RemoveClosurePage />} />
              <Route path="/beheer/*" element={<AdminRoutes />} />
              <Route path="/meldingen" element={<NotificationsPage />} />
              <Route path="/gegevens-laden" element={<ImportsPage />} />
              {Object.entries(PUBLIC_PAGES).map(([path, Public]) => (
                <Route key={path} path={path} element={<Public />} />
              ))}
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </ErrorBoundary>
      </Layout>
    </Suspense>
  );
}

/** While the session is checked, or the signed-in frame is loading. */
function PageLoading() {
  return (
    <main className="utrecht-page-content site-main">
      <Loading label="Even geduld…" />
    </main>
  );
}

function Gate() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <PageLoading />;
  if (state.status === 'signed-out') {
    const Public = PUBLIC_PAGES[location.pathname];
    if (Public)
      return (
        <PublicLayout>
          <Suspense fallback={<Loading />}>
            <Public />
          </Suspense>
        </PublicLayout>
      );
    // The sign-in page at whatever address was asked for; after signing in, that page shows.
    return <SignIn key={location.pathname} reason={state.reason} />;
  }
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
