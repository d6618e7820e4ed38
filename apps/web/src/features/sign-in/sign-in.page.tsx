import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { DemoUser } from '../../api/api-types.js';
import { useResource } from '../../api/use-resource.js';
import { COMMON, ROLE_NAMES } from '../../i18n/common.messages.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { readToken } from '../../session/session-token.js';
import { useApi, useSession } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { MESSAGES } from './sign-in.messages.js';

type TokenProblem = 'empty' | 'malformed' | 'expired' | 'no_roles';

interface DemoGroup {
  key: string;
  /** The unit's name; null for the provincial offices. */
  unitName: string | null;
  users: DemoUser[];
}

/** Unit people by unit, in the server's order, then the provincial offices: how the province is organised. */
function groupDemoUsers(users: readonly DemoUser[]): DemoGroup[] {
  const groups = new Map<string, DemoGroup>();
  const provincial: DemoUser[] = [];
  for (const user of users) {
    if (!user.unitId) {
      provincial.push(user);
      continue;
    }
    const group = groups.get(user.unitId) ?? { key: user.unitId, unitName: user.unitName ?? user.unitId, users: [] };
    group.users.push(user);
    groups.set(user.unitId, group);
  }
  return [...groups.values(), ...(provincial.length ? [{ key: 'provincial', unitName: null, users: provincial }] : [])];
}

function DemoUsers() {
  const t = useT(MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const api = useApi();
  const { signIn } = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const list = useResource((signal) => api.get<{ users: DemoUser[] }>('/api/dev/demo-users', undefined, signal), 'demo-users');

  // Production leaves the development endpoints out: then the token is the only way in, and nothing is said.
  if (list.error instanceof ApiError && list.error.status === 404) return null;
  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  if (!list.data) return <p aria-busy="true">{common.loading}</p>;

  const choose = async (user: DemoUser) => {
    setBusy(user.key);
    setFailure(null);
    try {
      const { token } = await api.post<{ token: string }>('/api/dev/sign-in', { key: user.key });
      if (!('user' in readToken(token))) throw new Error(t.refused);
      signIn(token);
    } catch (error) {
      setFailure(error);
      setBusy(null);
    }
  };

  const groups = groupDemoUsers(list.data.users);
  return (
    <section className="card" aria-labelledby="demo-users-heading" aria-busy={busy !== null}>
      <h3 id="demo-users-heading">{t.demoHeading}</h3>
      <p className="muted">{t.demoHint}</p>
      {groups.length === 0 && <p>{t.demoEmpty}</p>}
      <div className="demo-users">
        {groups.map((group) => (
          <section key={group.key} className="demo-users__group">
            <h4>{group.unitName ?? t.provincial}</h4>
            <ul>
              {group.users.map((user) => (
                <li key={user.key}>
                  <button type="button" data-user={user.key} disabled={busy !== null} onClick={() => void choose(user)}>
                    {user.name} — {user.roles.map((role) => ROLE_NAMES[lang][role]).join(', ')}
                    {user.unitName ? ` · ${user.unitName}` : ''}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {busy !== null && <p role="status">{t.signingIn}</p>}
      {failure !== null && (failure instanceof ApiError ? <ErrorView error={failure} /> : <p className="error" role="alert">{t.refused}</p>)}
    </section>
  );
}

function TokenForm() {
  const t = useT(MESSAGES);
  const { signIn } = useSession();
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<TokenProblem | null>(null);
  const explanation: Record<TokenProblem, string> = { empty: t.empty, malformed: t.malformed, expired: t.expired, no_roles: t.noRoles };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const token = text.trim();
    if (!token) return setProblem('empty');
    const read = readToken(token);
    if ('problem' in read) return setProblem(read.problem);
    setProblem(null);
    signIn(token);
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>{t.tokenHeading}</h3>
      <label htmlFor={`${id}-token`}>{t.tokenLabel}</label>
      <textarea
        id={`${id}-token`}
        name="token"
        rows={4}
        className="token-input"
        spellCheck={false}
        autoComplete="off"
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        onChange={(event) => setText(event.target.value)}
      />
      <p id={`${id}-hint`} className="muted">
        {t.tokenHint}
      </p>
      {problem && (
        <p id={`${id}-problem`} className="error" role="alert" data-problem={problem}>
          {explanation[problem]}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t.submit}
        </button>
      </div>
    </form>
  );
}

/**
 * Two ways in: in development, a list of demo people (the server signs a token for the one picked); anywhere,
 * a token an administrator issued, pasted. The console only reads the token to choose screens; the API checks it.
 */
export default function SignInPage() {
  const t = useT(MESSAGES);
  return (
    <section className="sign-in" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading" className="sign-in__heading">
        {t.heading}
      </h2>
      <DemoUsers />
      <TokenForm />
    </section>
  );
}
