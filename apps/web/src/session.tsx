import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  $api,
  forgetSession,
  queryClient,
  refreshSession,
  signIn as apiSignIn,
  signOut as apiSignOut,
  whenSessionExpires,
} from './api/client';
import type { Me, Role } from './api/types';

type SessionState =
  { status: 'loading' } | { status: 'signed-out'; reason?: 'expired' | 'signed-out' } | { status: 'signed-in'; me: Me };

interface Session {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

/**
 * Who is signed in (`GET /api/v1/me`), fetched into the query cache so that a page reading
 * `$api.useQuery('get', '/api/v1/me')` shares it; an ApiError when the API says no.
 */
function fetchMe(): Promise<Me> {
  return queryClient.fetchQuery({ ...$api.queryOptions('get', '/api/v1/me'), staleTime: 0 });
}

/** The API's `wmo_signed_in=1` cookie, set and cleared with the (unreadable) session cookie. */
function mayHaveSession(): boolean {
  return document.cookie.split('; ').includes('wmo_signed_in=1');
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    whenSessionExpires(() => {
      forgetSession();
      // No data of this session stays in the cache for whoever signs in next.
      queryClient.clear();
      setState({ status: 'signed-out', reason: 'expired' });
    });
    // A reload keeps the session: the httpOnly cookie is exchanged for a new access token. Only
    // when the readable hint beside it says there may be one: a first visit shows the form at once.
    void (async () => {
      if (mayHaveSession() && (await refreshSession())) {
        try {
          setState({ status: 'signed-in', me: await fetchMe() });
          return;
        } catch {
          // fall through to the sign-in page
        }
      }
      setState({ status: 'signed-out' });
    })();
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    await apiSignIn(email, password);
    setState({ status: 'signed-in', me: await fetchMe() });
  }, []);

  const signOut = useCallback(async () => {
    await apiSignOut();
    setState({ status: 'signed-out', reason: 'signed-out' });
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages behind the sign-in. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe while not signed in');
  return state.me;
}

export function hasRole(me: Me, ...roles: Role[]): boolean {
  return roles.some((role) => me.roles.includes(role));
}
