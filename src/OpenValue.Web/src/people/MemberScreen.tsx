import type { AccountNetwork } from "../accounts/session";
import { Explanation } from "../shares/Explanation";
import { useShareExplanation } from "../shares/queries";
import { Link } from "../routing/router";
import { ErrorView, Loading } from "../ui/States";
import { useRecentClaims } from "./queries";
import { RecentClaims } from "./RecentClaims";

/** One member: who they are (roles, class), their share explained, and their latest claims. Two requests. */
export function MemberScreen({ network, memberId }: { network: AccountNetwork; memberId: string }) {
  const explained = useShareExplanation(network.networkId, memberId);
  const claims = useRecentClaims(network.networkId, memberId);
  if (explained.isPending) return <Loading what="the member" />;
  if (explained.isError)
    return (
      <>
        <h1>Member</h1>
        <ErrorView error={explained.error} retry={() => explained.refetch()} />
        <p>
          <Link to={`/n/${network.networkId}/members`}>All members</Link>
        </p>
      </>
    );
  const m = explained.data;
  return (
    <>
      <h1>{m.name}</h1>
      <p className="meta" data-testid="member-roles">
        {m.roles.length ? m.roles.join(", ") : "No roles"} · {m.stakeholderClass} class
      </p>
      <section aria-labelledby="member-share-heading">
        <h2 id="member-share-heading">Share</h2>
        <Explanation explained={m} caption={`The accepted contributions of ${m.name} that count`} />
      </section>
      <section aria-labelledby="member-claims-heading">
        <h2 id="member-claims-heading">Recent claims</h2>
        {claims.isPending ? (
          <Loading what="claims" />
        ) : claims.isError ? (
          <ErrorView error={claims.error} retry={() => claims.refetch()} />
        ) : (
          <RecentClaims claims={claims.data.items} label={`Recent claims of ${m.name}`} />
        )}
      </section>
    </>
  );
}
