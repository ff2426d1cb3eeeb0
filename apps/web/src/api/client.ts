/**
 * The portal's only way to the API. The access token lives in this module's memory (never in
 * localStorage); the refresh token is an httpOnly cookie the page cannot read. A 401 refreshes
 * once and retries; when the session cannot be refreshed, the app is told it has expired.
 */
import { ApiError, problemToError } from './errors';

const BASE = '/api/v1';

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
    throw new ApiError(0, 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.');
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
  await send(`${BASE}/auth/session/end`, { method: 'POST' }).catch(() => undefined);
}

export type Query = Record<string, string | number | undefined | null>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

async function authorised(path: string, init: RequestInit): Promise<Response> {
  if (!accessToken || Date.now() > expiresAt - 30_000) await refreshSession();
  const attempt = () =>
    send(path, {
      ...init,
      headers: { ...(init.headers ?? {}), ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
    });
  let res = await attempt();
  if (res.status === 401) {
    if (await refreshSession()) res = await attempt();
    if (res.status === 401) {
      onExpired();
      throw new ApiError(401, 'Uw sessie is verlopen. Log opnieuw in.');
    }
  }
  return res;
}

export interface Exchange<T> {
  /** 200, 201, 202 (accepted: work queued), 204. */
  status: number;
  data: T;
}

/**
 * JSON in, JSON out, with the HTTP status and extra request headers (an Idempotency-Key).
 * Errors become an ApiError with a Dutch message, field errors and the problem's type and members.
 */
export async function apiExchange<T>(
  path: string,
  options: { method?: string; query?: Query; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Exchange<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...(options.headers ?? {}) };
  const init: RequestInit = { method: options.method ?? 'GET', headers };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const res = await authorised(url(path, options.query), init);
  if (!res.ok) throw await problemToError(res);
  return { status: res.status, data: res.status === 204 ? (undefined as T) : ((await res.json()) as T) };
}

/** JSON in, JSON out (see apiExchange). */
export async function api<T>(
  path: string,
  options: { method?: string; query?: Query; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  return (await apiExchange<T>(path, options)).data;
}

/** A file (PDF, XML, CSV): saved under the name the API gives it. */
export async function download(
  path: string,
  options: { query?: Query; accept?: string; fallbackName: string },
): Promise<string> {
  const res = await authorised(url(path, options.query), { headers: { accept: options.accept ?? '*/*' } });
  if (!res.ok) throw await problemToError(res);
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? options.fallbackName;
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
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
 * A CSV file sent as the body of an import (`text/csv`), with `?dryRun=`: the report as JSON. A
 * file with problems is an ApiError whose extensions carry `problems` (line, column, message).
 */
export async function uploadCsv<T>(path: string, file: Blob, dryRun: boolean): Promise<T> {
  const res = await authorised(url(path, { dryRun: String(dryRun) }), {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'text/csv' },
    body: file,
  });
  if (!res.ok) throw await problemToError(res);
  return (await res.json()) as T;
}
