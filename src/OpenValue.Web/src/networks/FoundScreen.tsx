import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import type { components } from "../api/schema";
import { AccountFields, type Credentials } from "../accounts/AccountFields";
import { useAcceptInvitation, useMe } from "../accounts/session";
import { navigate } from "../routing/router";
import { Field } from "../ui/Field";
import { FormProblem } from "../ui/States";

type NetworkFounded = components["schemas"]["NetworkFoundedResponse"];

const fields = ["name", "currency", "founder.name", "login", "password"] as const;

/**
 * Founding, then accepting the founder's invitation with the account. The two are separate requests: when the
 * second is refused (a short password), the network stays founded and only the account step is retried. The
 * idempotency key makes a retried founding return the same network instead of a second one.
 */
export function FoundScreen() {
  const me = useMe();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [network, setNetwork] = useState({ name: "", currency: "EUR", founder: "" });
  const [credentials, setCredentials] = useState<Credentials>({ login: "", password: "", createAccount: true });
  const found = useMutation({
    // The document also lists a bodiless 200 for this route; the body that comes back is the 201's.
    mutationFn: async () =>
      (await unwrap(
        api.POST("/networks", {
          body: { name: network.name, currency: network.currency, founder: { name: network.founder } },
          headers: { "Idempotency-Key": idempotencyKey },
        }),
      )) as NetworkFounded,
  });
  const accept = useAcceptInvitation();
  const error = found.error ?? accept.error;
  const signedIn = me.data ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const founded = found.data ?? (await found.mutateAsync().catch(() => null));
    if (!founded) return;
    const token = founded.invitationUrl.slice(founded.invitationUrl.indexOf("#") + 1);
    const account = signedIn ? { login: null, password: null, createAccount: false } : credentials;
    accept.mutate({ token, ...account }, { onSuccess: () => navigate(`/n/${founded.networkId}`, { replace: true }) });
  };

  return (
    <section className="narrow">
      <h1>Found a network</h1>
      <form onSubmit={submit} noValidate>
        <FormProblem error={error} fields={fields} />
        <fieldset disabled={!!found.data}>
          <legend>The network</legend>
          <Field
            label="Network name"
            field="name"
            error={found.error}
            value={network.name}
            onChange={(e) => setNetwork({ ...network, name: e.target.value })}
            required
          />
          <Field
            label="Currency"
            field="currency"
            error={found.error}
            value={network.currency}
            maxLength={3}
            hint="Three letters, as EUR or USD."
            onChange={(e) => setNetwork({ ...network, currency: e.target.value.toUpperCase() })}
            required
          />
          <Field
            label="Your name in the network"
            field="founder.name"
            error={found.error}
            value={network.founder}
            onChange={(e) => setNetwork({ ...network, founder: e.target.value })}
            required
          />
        </fieldset>
        {found.data && <p role="status">The network is founded. Finish your account to enter it.</p>}
        {signedIn ? (
          <p>You will be its first steward as {signedIn.login}.</p>
        ) : (
          <AccountFields value={credentials} onChange={setCredentials} error={accept.error} />
        )}
        <button type="submit" disabled={found.isPending || accept.isPending}>
          {found.isPending || accept.isPending ? "Founding…" : found.data ? "Enter the network" : "Found the network"}
        </button>
      </form>
    </section>
  );
}
