import { FormEvent, useState } from 'react';
import { ApiError } from '../api/errors';
import { TextField } from '../components/fields';
import { Brand } from '../components/Layout';
import { Alert, Button, ErrorAlert, PageHeading } from '../components/ui';
import { useSession } from '../session';

export function SignIn({ reason }: { reason?: 'expired' | 'signed-out' }) {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

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
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'Inloggen is niet gelukt. Probeer het opnieuw.'));
      setBusy(false);
    }
  }

  return (
    <div className="utrecht-page signin-page">
      <main id="inhoud" className="utrecht-page-content signin">
        <Brand large />
        <PageHeading>Inloggen</PageHeading>
        <p className="utrecht-paragraph">
          Voor gemeenten, de VNG en aanbieders: bekijk of de verplichting gedekt is, beheer contracten en download
          facturen.
        </p>
        {reason === 'expired' ? (
          <Alert type="warning">Uw sessie is verlopen. Log opnieuw in om verder te gaan.</Alert>
        ) : null}
        {reason === 'signed-out' ? <Alert type="ok">U bent afgemeld.</Alert> : null}
        {failure ? <ErrorAlert error={failure} /> : null}
        <form className="form" onSubmit={(event) => void submit(event)} noValidate>
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
      </main>
    </div>
  );
}
