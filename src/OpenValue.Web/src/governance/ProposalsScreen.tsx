import { useState, type FormEvent } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Select, TextArea } from "../ui/Field";
import { Empty, ErrorView, FormProblem, Loading } from "../ui/States";
import { useProposal, useProposals, useStatePosition, type Position, type Proposal } from "./queries";

const positions: Position[] = ["agree", "abstain", "disagree", "block"];

function Counts({ proposal }: { proposal: Proposal }) {
  const c = proposal.counts;
  return (
    <dl className="counts" aria-label="Counts">
      {(
        [
          ["Eligible", c.eligible],
          ["Agree", c.agree],
          ["Abstain", c.abstain],
          ["Disagree", c.disagree],
          ["Block", c.block],
          ["Not stated", c.notStated],
        ] as const
      ).map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function PositionForm({ networkId, proposal }: { networkId: string; proposal: Proposal }) {
  const state = useStatePosition(networkId, proposal.proposalId);
  const [position, setPosition] = useState<Position>("agree");
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    state.mutate({ position, reason: reason.trim() === "" ? null : reason });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="position-heading">
      <h3 id="position-heading">Your position</h3>
      <FormProblem error={state.error} fields={["position", "reason"]} />
      <Select
        label="Position"
        field="position"
        error={state.error}
        value={position}
        onChange={(e) => setPosition(e.target.value as Position)}
      >
        {positions.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </Select>
      <TextArea
        label="Reason"
        field="reason"
        error={state.error}
        hint="Needed to disagree or block."
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" disabled={state.isPending}>
        State position
      </button>
      {state.isSuccess && <p role="status">Your position is recorded.</p>}
    </form>
  );
}

function ProposalDetail({ networkId, proposalId }: { networkId: string; proposalId: string }) {
  const proposal = useProposal(networkId, proposalId);
  if (proposal.isPending) return <Loading what="the proposal" />;
  if (proposal.isError) return <ErrorView error={proposal.error} retry={() => proposal.refetch()} />;
  const p = proposal.data;
  return (
    <section aria-labelledby="proposal-heading" className="card">
      <h2 id="proposal-heading">{p.title}</h2>
      <p className="meta">
        {p.kind} · {p.decisionType} decision · {p.status} · closes {new Date(p.closesAt).toLocaleString()}
      </p>
      {p.change.text && <p>{p.change.text}</p>}
      <Counts proposal={p} />
      <p>
        <strong>
          {p.status === "open" ? (p.wouldPass ? "Would pass now" : "Would not pass now") : `It ${p.status}`}
        </strong>
        {": "}
        {p.why}
      </p>
      {p.status === "open" && <PositionForm networkId={networkId} proposal={p} />}
    </section>
  );
}

export function ProposalsScreen({ network }: { network: AccountNetwork }) {
  const proposals = useProposals(network.networkId);
  const [selected, setSelected] = useState<string>();
  return (
    <>
      <h1>Proposals</h1>
      <section aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">In {network.name}</h2>
        {proposals.isPending && <Loading what="proposals" />}
        {proposals.isError && <ErrorView error={proposals.error} retry={() => proposals.refetch()} />}
        {proposals.isSuccess && proposals.data.items.length === 0 && (
          <Empty>
            <p>No proposals yet.</p>
          </Empty>
        )}
        {proposals.isSuccess && proposals.data.items.length > 0 && (
          <ul className="cards" aria-label="Proposals">
            {proposals.data.items.map((p) => (
              <li key={p.proposalId} className="card">
                <div className="card-head">
                  <button type="button" className="link" onClick={() => setSelected(p.proposalId)}>
                    {p.title}
                  </button>
                  <span className="meta">
                    {p.status} · {p.counts.agree} agree, {p.counts.block} block of {p.counts.eligible}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {selected && <ProposalDetail networkId={network.networkId} proposalId={selected} />}
    </>
  );
}
