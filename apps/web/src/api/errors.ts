/** API problems (application/problem+json, in English) as plain Dutch for the people using the portal. */

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldProblem[] = [],
    readonly requestId?: string,
    /** The API's explanation, in English (for logs and matching, not for people). */
    readonly detail?: string,
    /** The problem type's last part, e.g. `overpayment`, `period-already-invoiced`. */
    readonly type?: string,
    /** The problem's extra members (e.g. `outstandingCents`, `gaps`, `runId`). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const BY_STATUS: Record<number, string> = {
  400: 'De gegevens zijn niet volledig of niet juist. Controleer de velden.',
  401: 'Uw sessie is verlopen. Log opnieuw in.',
  403: 'U heeft geen toegang tot dit onderdeel.',
  404: 'Dit is niet gevonden. Het bestaat niet (meer) of valt buiten uw organisatie.',
  409: 'Dit kan nu niet: het botst met gegevens die er al zijn.',
  413: 'Het bestand of de invoer is te groot.',
  422: 'Dit kan niet worden verwerkt met de huidige gegevens.',
  429: 'Te veel pogingen achter elkaar. Wacht even en probeer het opnieuw.',
};

/** Fallback for statuses and problems the portal has no own sentence for. */
export function dutchMessageFor(status: number): string {
  if (status >= 500)
    return 'Er ging iets mis aan onze kant. Probeer het later opnieuw; noem het foutnummer als u contact opneemt.';
  return BY_STATUS[status] ?? 'Er ging iets mis. Probeer het opnieuw.';
}

/** Known problems with a sentence of their own (keyed by the last part of the problem type). */
const BY_TYPE: Record<string, string> = {
  'invalid-credentials': 'Het e-mailadres of het wachtwoord is onjuist.',
  'login-throttled': 'Te veel mislukte pogingen. Probeer het over een kwartier opnieuw.',
  'refresh-token-reused': 'Uw sessie is om veiligheidsredenen beëindigd. Log opnieuw in.',
};

export async function problemToError(res: Response, context?: 'signin'): Promise<ApiError> {
  let problem: {
    type?: string;
    detail?: string;
    requestId?: string;
    errors?: FieldProblem[];
    [member: string]: unknown;
  } = {};
  try {
    problem = (await res.json()) as typeof problem;
  } catch {
    // Not a problem document (a proxy's error page): the status says enough.
  }
  const typeKey = (problem.type ?? '').split('/').pop()?.toLowerCase() ?? '';
  let message = BY_TYPE[typeKey] ?? dutchMessageFor(res.status);
  if (context === 'signin' && res.status === 401) message = BY_TYPE['invalid-credentials'];
  const {
    type: _type,
    title: _title,
    status: _status,
    detail,
    instance: _instance,
    requestId,
    errors,
    ...extensions
  } = problem;
  return new ApiError(res.status, message, errors ?? [], requestId, detail, typeKey || undefined, extensions);
}

/** An API problem with a type, whose members (`runId`, `conflictingContract`, `exception`) a page can explain in Dutch. */
export function isProblem(error: unknown): error is ApiError {
  return error instanceof ApiError && Boolean(error.type);
}

export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Er ging iets mis in de portal. Laad de pagina opnieuw.';
}
