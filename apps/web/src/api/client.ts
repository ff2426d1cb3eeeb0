/**
 * The portal's only way to the API.
 *
 * - `$api` (openapi-react-query on `apiClient`, typed by the generated `schema.d.ts`) for pages:
 *     const invoices = $api.useQuery('get', '/api/v1/invoices', { params: { query } });
 *     const run = $api.useMutation('post', '/api/v1/contracts/{id}/invoice-runs', {
 *       onSuccess: () => queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/invoices'] }),
 *     });
 *   Errors arrive as an `ApiError` (Dutch message, field errors, problem type and members).
 * - `apiClient` (openapi-fetch) for a one-off call outside React: `await apiClient.GET('/api/v1/me')`.
 * - `download` and `uploadCsv` for files (PDF, UBL, CSV, ZIP; CSV imports).
 *
 * The access token lives in this module's memory (never in localStorage); the refresh token is an
 * httpOnly cookie the page cannot read. A token about to expire is renewed first; a 401 refreshes
 * once and retries; when the session cannot be refreshed, the app is told it has expired.
 */
import { QueryClient } from '@tanstack/react-query';
import createClient, { type Middleware } from 'openapi-fetch';
import createQueryHooks from 'openapi-react-query';
import { ApiError, problemToError } from './errors';
import type { paths } from './schema';

const BASE = '/api/v1';
const UNREACHABLE = 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.';
const EXPIRED = 'Uw sessie is verlopen. Log opnieuw in.';

interface SessionToken {
  accessToken: string;
  expiresIn: number;
}

let accessToken: string | null = null;
let expiresAt = 0;
let refreshing: Promise<boolean> | null = null;
let onExpired: () => void = () => undefined;

/** Called once by the session provider: what to do when the session has ended under our feet. */
export function whenSessionExpires(handler: () => void): void {
  onExpired = handler;
}

function keep(token: SessionToken): void {
  accessToken = token.accessToken;
  expiresAt = Date.now() + token.expiresIn * 1000;
}

export function forgetSession(): void {
  accessToken = null;
  expiresAt = 0;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  const res = await send(`${BASE}/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw await problemToError(res, 'signin');
  keep((await res.json()) as SessionToken);
}

/** Restores or renews the session from its cookie; false when there is none (sign in). */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const res = await send(`${BASE}/auth/session/refresh`, { method: 'POST' });
      if (!res.ok) {
        forgetSession();
        return false;
      }
      keep((await res.json()) as SessionToken);
      return true;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export async function signOut(): Promise<void> {
  forgetSession();
  queryClient.clear();
  await send(`${BASE}/auth/session/end`, { method: 'POST' }).catch(() => undefined);
}

function withToken(request: Request): Request {
  const authorised = new Request(request);
  if (accessToken) authorised.headers.set('authorization', `Bearer ${accessToken}`);
  return authorised;
}

/** A copy of each request as it was before it was sent, for the one retry after a 401. */
const unsent = new Map<string, Request>();

/**
 * Bearer token on every request (renewed when it expires within 30 s), one refresh and retry on a
 * 401, and every other non-2xx answer thrown as an ApiError.
 */
const session: Middleware = {
  async onRequest({ request, id }) {
    if (!accessToken || Date.now() > expiresAt - 30_000) await refreshSession();
    const authorised = withToken(request);
    unsent.set(id, authorised.clone());
    return authorised;
  },
  async onResponse({ response, id }) {
    const original = unsent.get(id);
    unsent.delete(id);
    let res = response;
    if (res.status === 401 && original) {
      if (await refreshSession()) {
        try {
          res = await fetch(withToken(original));
        } catch {
          throw new ApiError(0, UNREACHABLE);
        }
      }
      if (res.status === 401) {
        onExpired();
        throw new ApiError(401, EXPIRED);
      }
    }
    if (!res.ok) throw await problemToError(res);
    return res === response ? undefined : res;
  },
  onError({ error, id }) {
    unsent.delete(id);
    return error instanceof ApiError ? error : new ApiError(0, UNREACHABLE);
  },
};

/** The typed API client (paths start with /api/v1). */
export const apiClient = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
apiClient.use(session);

/** TanStack Query hooks on the typed client: `$api.useQuery('get', '/api/v1/...', { params })`. */
export const $api = createQueryHooks(apiClient);

/** True for answers that another try would not change (4xx: bad input, no access, not found, conflict). */
export function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

/**
 * Shared cache of the portal: data stays fresh 30 s, is refreshed in the background when the window
 * gets focus again, and a failed load is retried twice unless the API said no (4xx). After a change,
 * invalidate what it touched: `queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/invoices'] })`.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: true,
      retry: (failures, error) => !isClientError(error) && failures < 2,
    },
    mutations: { retry: false },
  },
});

export type Query = Record<string, string | number | boolean | undefined | null>;

/** The query without empty values (the API treats `?status=` as a value). */
function cleaned(query?: Query): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && value !== '') result[key] = value;
  return result;
}

/** An untyped request through the same client (for paths built at run time: the files). */
const untyped = apiClient as unknown as {
  request(
    method: string,
    url: string,
    init: {
      params?: { query?: Record<string, unknown> };
      body?: unknown;
      headers?: Record<string, string>;
      parseAs?: 'json' | 'blob' | 'text';
      bodySerializer?: (body: unknown) => unknown;
    },
  ): Promise<{ data?: unknown; response: Response }>;
};

/** A file (PDF, XML, CSV, ZIP) at `path` (after /api/v1): saved under the name the API gives it. */
export async function download(
  path: string,
  options: { query?: Query; accept?: string; fallbackName: string },
): Promise<string> {
  const { data, response } = await untyped.request('get', `${BASE}${path}`, {
    params: { query: cleaned(options.query) },
    headers: { accept: options.accept ?? '*/*' },
    parseAs: 'blob',
  });
  const name =
    /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? options.fallbackName;
  const href = URL.createObjectURL(data as Blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}

/**
 * A CSV file sent as the body of an import (`text/csv`) to `path` (after /api/v1), with `?dryRun=`:
 * the report as JSON. A file with problems is an ApiError whose extensions carry `problems`.
 */
export async function uploadCsv<T>(path: string, file: Blob, dryRun: boolean): Promise<T> {
  const { data } = await untyped.request('post', `${BASE}${path}`, {
    params: { query: { dryRun: String(dryRun) } },
    body: file,
    bodySerializer: (body) => body,
    headers: { accept: 'application/json', 'content-type': 'text/csv' },
  });
  return data as T;
}
