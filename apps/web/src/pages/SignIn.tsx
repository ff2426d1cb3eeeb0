import { FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/errors';
import { TextField } from '../components/fields';
import { PublicLayout } from '../components/PublicLayout';
import { Alert, Button, PageHeading } from '../components/ui';
import { useSession } from '../session';

/**
 * What went wrong signing in, in plain Dutch. The expected answers (a wrong address or password,
 * an address locked after five failures, too many requests) are the user's to solve: a sentence
 * that says what to do, no error number. Anything else is ours: the number helps the servicedesk.
 */
export function signInFailure(error: unknown): { message: string; reference?: string } {
  if (!(error instanceof ApiError))
    return { message: 'Inloggen is niet gelukt. Laad de pagina opnieuw en probeer het nog eens.' };
  if (error.type === 'login-throttled')
    return {
      message:
        'Er is te vaak een verkeerd wachtwoord gebruikt voor dit e-mailadres. Om uw account te beschermen kunt u ' +
        'een kwartier niet inloggen. Probeer het daarna opnieuw.',
    };
  if (error.status === 429)
    return { message: 'Er kwamen te veel verzoeken tegelijk binnen. Wacht een minuut en probeer het opnieuw.' };
  if (error.status === 401 || error.status === 400)
    return { message: 'Het e-mailadres of het wachtwoord is onjuist. Controleer beide en probeer het opnieuw.' };
  if (error.status === 0) return { message: error.message };
  return {
    message: 'Inloggen lukt nu niet door een fout aan onze kant. Probeer het later opnieuw.',
    ...(error.requestId ? { reference: error.requestId } : {}),
  };
}

export function SignIn({ reason }: { reason?: 'expired' | 'signed-out' }) {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [failure, setFailure] = useState<{ message: string; reference?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);

  // The answer is read out (role="alert") and gets focus, so the next Tab continues in the form.
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!/^\S+@\S+\.\S+$/.test(email.trim()))
      found.email = 'Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.';
    if (!password) found.password = 'Vul uw wachtwoord in.';
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await signIn(email.trim(), password);
    } catch (error) {
      setFailure(signInFailure(error));
      setBusy(false);
    }
  }

  return (
    <PublicLayout narrow>
      <div className="signin">
        <PageHeading>Inloggen</PageHeading>
        <p className="utrecht-paragraph signin__intro">
          Voor gemeenten, de VNG en aanbieders: bekijk of de verplichting gedekt is, beheer contracten en download
          facturen.
        </p>
        {reason === 'expired' ? (
          <Alert type="warning">Uw sessie is verlopen. Log opnieuw in om verder te gaan.</Alert>
        ) : null}
        {reason === 'signed-out' ? <Alert type="ok">U bent afgemeld.</Alert> : null}
        <form className="form signin__form" onSubmit={(event) => void submit(event)} noValidate>
          {failure ? (
            <div ref={failureRef} tabIndex={-1} className="signin__failure">
              <Alert type="error" heading="Inloggen niet gelukt">
                {failure.message}
                {failure.reference ? (
                  <span className="request-id"> Noem bij contact het foutnummer {failure.reference}.</span>
                ) : null}
              </Alert>
            </div>
          ) : null}
          <TextField
            label="E-mailadres"
            error={errors.email}
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
          />
          <TextField
            label="Wachtwoord"
            error={errors.password}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
          />
          <Button type="submit" busy={busy}>
            {busy ? 'Bezig met inloggen…' : 'Inloggen'}
          </Button>
        </form>
      </div>
    </PublicLayout>
  );
}
