import { useId, useState, type FormEvent } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Field } from "../ui/Field";
import { Empty, ErrorView, FormProblem, Loading } from "../ui/States";
import { formatInstant } from "../ui/format";
import { useCreateToken, useRevokeToken, useTokens } from "./queries";

/** A new token's secret, shown this once with a copy button. */
function NewToken({ name, secret }: { name: string; secret: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="invitation">
      <label htmlFor={id}>Token “{name}” (shown only now)</label>
      <div className="copy">
        <input id={id} readOnly value={secret} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          onClick={async () => {
            await navigator.clipboard.writeText(secret);
            setCopied(true);
          }}
        >
          Copy token
        </button>
      </div>
      <p role="status" className="hint">
        {copied
          ? "Copied. Keep it somewhere safe: it acts as you, with your roles."
          : "Send it as “Authorization: Bearer …”. It acts as you, with your roles."}
      </p>
    </div>
  );
}

function CreateForm({ network }: { network: AccountNetwork }) {
  const [name, setName] = useState("");
  const create = useCreateToken(network.networkId, network.memberId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name, { onSuccess: () => setName("") });
  };
  return (
    <>
      <form onSubmit={submit} aria-label="Create a token">
        <FormProblem error={create.error} fields={["name"]} />
        <Field
          label="Name"
          field="name"
          value={name}
          maxLength={80}
          error={create.error}
          hint="What the token is for, such as “ci” or “laptop script”."
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {create.data && <NewToken name={create.data.name} secret={create.data.token} />}
    </>
  );
}

function TokenList({ network }: { network: AccountNetwork }) {
  const tokens = useTokens(network.networkId, network.memberId);
  const revoke = useRevokeToken(network.networkId, network.memberId);
  if (tokens.isPending) return <Loading what="your tokens" />;
  if (tokens.isError) return <ErrorView error={tokens.error} retry={() => tokens.refetch()} />;
  if (tokens.data.tokens.length === 0)
    return (
      <Empty>
        <p>You have no personal tokens.</p>
      </Empty>
    );
  return (
    <>
      <FormProblem error={revoke.error} fields={[]} />
      <ul className="cards" aria-label="Your tokens">
        {tokens.data.tokens.map((t) => (
          <li key={t.tokenId} className="card">
            <div className="card-head">
              <strong>{t.name}</strong>
              <button
                type="button"
                className="secondary"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(t.tokenId)}
              >
                Revoke “{t.name}”
              </button>
            </div>
            <p className="meta">Created {formatInstant(t.createdAt)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Personal API tokens for scripts and tools: create one (shown once), see them, revoke them. */
export function TokensScreen({ network }: { network: AccountNetwork }) {
  return (
    <>
      <h1>Personal API tokens</h1>
      <section aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">New token</h2>
        <CreateForm network={network} />
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your tokens</h2>
        <TokenList network={network} />
      </section>
    </>
  );
}
