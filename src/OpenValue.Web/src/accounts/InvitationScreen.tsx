import { useState, type FormEvent } from "react";
import { navigate } from "../routing/router";
import { ErrorView, FormProblem, Loading } from "../ui/States";
import { formatInstant } from "../ui/format";
import { AccountFields, type Credentials } from "./AccountFields";
import { useAcceptInvitation, useInvitationPreview, useMe } from "./session";

const fields = ["login", "password"] as const;

/** The invitation's secret is in the link's fragment (#…), which the browser never sends to a server. */
const tokenOfLink = () => decodeURIComponent(window.location.hash.slice(1));

export function InvitationScreen() {
  const [token] = useState(tokenOfLink);
  const preview = useInvitationPreview(token);
  const me = useMe();
  const accept = useAcceptInvitation();
  const [credentials, setCredentials] = useState<Credentials>({ login: "", password: "", createAccount: true });

  if (!token) return <ErrorView error={new Error("This link has no invitation in it.")} />;
  if (preview.isPending) return <Loading what="the invitation" />;
  if (preview.isError)
    return (
      <section className="narrow">
        <h1>Invitation</h1>
        <ErrorView error={preview.error} />
      </section>
    );

  const done = (networkId: string) => navigate(`/n/${networkId}`, { replace: true });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate({ token, ...credentials }, { onSuccess: () => done(preview.data.networkId) });
  };
  const asCurrent = () =>
    accept.mutate(
      { token, login: null, password: null, createAccount: false },
      { onSuccess: () => done(preview.data.networkId) },
    );

  return (
    <section className="narrow">
      <h1>Join {preview.data.networkName}</h1>
      <p>
        You are invited as <strong>{preview.data.memberName}</strong>. The link works once, until{" "}
        {formatInstant(preview.data.expiresAt)}.
      </p>
      <FormProblem error={accept.error} fields={me.data ? [] : fields} />
      {me.data && (
        <p>
          <button type="button" onClick={asCurrent} disabled={accept.isPending}>
            Join as {me.data.login}
          </button>
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <AccountFields value={credentials} onChange={setCredentials} error={accept.error} />
        <button type="submit" disabled={accept.isPending}>
          {accept.isPending ? "Joining…" : "Join"}
        </button>
      </form>
    </section>
  );
}
