import type { ReactNode } from "react";
import { useMe, useSignOut, type AccountNetwork } from "../accounts/session";
import { Link, navigate, usePath } from "../routing/router";

/** Moves to the same screen of another network ("/n/a/claims" to "/n/b/claims"). */
function switchTo(path: string, networkId: string) {
  const rest = path.split("/").slice(3).join("/");
  navigate(`/n/${networkId}${rest ? "/" + rest : ""}`);
}

function NetworkSwitcher({ networks, current }: { networks: AccountNetwork[]; current: string }) {
  const path = usePath();
  return (
    <label className="switcher">
      <span>Network</span>
      <select value={current} onChange={(e) => switchTo(path, e.target.value)}>
        {networks.map((n) => (
          <option key={n.networkId} value={n.networkId}>
            {n.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The frame of every screen of one network: who you are, where you are, and where you can go. */
export function NetworkLayout({ network, children }: { network: AccountNetwork; children: ReactNode }) {
  const me = useMe();
  const signOut = useSignOut();
  const path = usePath();
  const at = (suffix: string) => (path === `/n/${network.networkId}${suffix}` ? "page" : undefined);
  const reviewer = network.roles.includes("reviewer");
  const treasurer = network.roles.includes("treasurer");
  const steward = network.roles.includes("steward");
  return (
    <>
      <header className="top">
        <NetworkSwitcher networks={me.data?.networks ?? [network]} current={network.networkId} />
        <nav aria-label="Screens">
          <Link to={`/n/${network.networkId}`} aria-current={at("")}>
            Dashboard
          </Link>
          <Link to={`/n/${network.networkId}/claims`} aria-current={at("/claims")}>
            My claims
          </Link>
          {reviewer && (
            <Link to={`/n/${network.networkId}/review`} aria-current={at("/review")}>
              Review
            </Link>
          )}
          <Link to={`/n/${network.networkId}/members`} aria-current={at("/members")}>
            Members
          </Link>
          <Link to={`/n/${network.networkId}/share`} aria-current={at("/share")}>
            My share
          </Link>
          <Link to={`/n/${network.networkId}/payouts`} aria-current={at("/payouts")}>
            My payouts
          </Link>
          <Link to={`/n/${network.networkId}/tokens`} aria-current={at("/tokens")}>
            Tokens
          </Link>
          <Link to={`/n/${network.networkId}/proposals`} aria-current={at("/proposals")}>
            Proposals
          </Link>
          <Link to={`/n/${network.networkId}/rounds`} aria-current={at("/rounds")}>
            Rounds
          </Link>
          {treasurer && (
            <Link to={`/n/${network.networkId}/treasury`} aria-current={at("/treasury")}>
              Treasury
            </Link>
          )}
          {treasurer && (
            <Link to={`/n/${network.networkId}/distributions`} aria-current={at("/distributions")}>
              Distributions
            </Link>
          )}
          {steward && (
            <Link to={`/n/${network.networkId}/steward`} aria-current={at("/steward")}>
              Stewardship
            </Link>
          )}
          {steward && (
            <Link to={`/n/${network.networkId}/policies`} aria-current={at("/policies")}>
              Policies
            </Link>
          )}
          {steward && (
            <Link to={`/n/${network.networkId}/equation`} aria-current={at("/equation")}>
              Value equation
            </Link>
          )}
        </nav>
        <div className="who">
          <span>{network.memberName}</span>
          <button
            type="button"
            className="link"
            onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate("/sign-in") })}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
