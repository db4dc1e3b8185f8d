import { useState } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Link } from "../routing/router";
import { Empty, ErrorView, FormProblem, Loading } from "../ui/States";
import { AdmitForm } from "./AdmitForm";
import { InvitationLink } from "./InvitationLink";
import { useFreshInvitation, useMembers } from "./queries";

function MemberList({ network, steward }: { network: AccountNetwork; steward: boolean }) {
  const members = useMembers(network.networkId);
  const fresh = useFreshInvitation(network.networkId);
  const [issued, setIssued] = useState<{ memberId: string; url: string }>();
  if (members.isPending) return <Loading what="members" />;
  if (members.isError) return <ErrorView error={members.error} retry={() => members.refetch()} />;
  if (members.data.members.length === 0)
    return (
      <Empty>
        <p>No members yet.</p>
      </Empty>
    );
  const reissue = (memberId: string) =>
    fresh.mutate(memberId, { onSuccess: (result) => setIssued({ memberId, url: result.invitationUrl }) });
  return (
    <>
      <FormProblem error={fresh.error} fields={[]} />
      <ul className="cards" aria-label="Members">
        {members.data.members.map((m) => (
          <li key={m.memberId} className="card">
            <div className="card-head">
              <strong>
                <Link to={`/n/${network.networkId}/members/${m.memberId}`}>{m.name}</Link>
              </strong>
              <span className="meta">
                {m.roles.join(", ")} · {m.stakeholderClass}
              </span>
            </div>
            {steward && (
              <button
                type="button"
                className="secondary"
                onClick={() => reissue(m.memberId)}
                disabled={fresh.isPending}
              >
                New invitation link for {m.name}
              </button>
            )}
            {issued?.memberId === m.memberId && <InvitationLink name={m.name} url={issued.url} />}
          </li>
        ))}
      </ul>
    </>
  );
}

export function MembersScreen({ network }: { network: AccountNetwork }) {
  const steward = network.roles.includes("steward");
  return (
    <>
      <h1>Members</h1>
      {steward && <AdmitForm networkId={network.networkId} />}
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">In {network.name}</h2>
        <MemberList network={network} steward={steward} />
      </section>
    </>
  );
}
