import { useState, type FormEvent } from 'react';

/**
 * A form's submit handler around `send`: the form is busy while the request runs (so its button can be
 * disabled against a second click), and the error it failed with is kept for the form to show, its field
 * problems under the fields; a new attempt clears the last error. `send` is read at submit time, so it sees
 * the form's state as it is then.
 */
export function useFormSubmit(send: () => Promise<void>) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { submit, busy, error };
}
