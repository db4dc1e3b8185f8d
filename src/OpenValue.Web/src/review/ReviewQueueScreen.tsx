import { useEffect, useRef, useState } from "react";
import type { AccountNetwork } from "../accounts/session";
import type { components } from "../api/schema";
import { TextArea } from "../ui/Field";
import { Empty, ErrorView, FormProblem, Loading } from "../ui/States";
import { formatDate, formatPoints } from "../ui/format";
import { useMemberNames, useReview, useReviewPolicy, useReviewQueue, type Verdict } from "./queries";

type Claim = components["schemas"]["ContributionResponse"];

function approvalsThisRound(claim: Claim) {
  return claim.reviews.filter((r) => r.verdict === "approve" && Number(r.round) === Number(claim.round)).length;
}

/** One claim with its evidence and the three verdicts; after a verdict the next claim takes its place. */
function ReviewCard({
  network,
  claim,
  author,
  required,
}: {
  network: AccountNetwork;
  claim: Claim;
  author: string;
  required: number;
}) {
  const review = useReview(network.networkId);
  const [reason, setReason] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [claim.contributionId]);

  const decide = (verdict: Verdict) =>
    review.mutate(
      {
        contributionId: claim.contributionId,
        expectedVersion: claim.version,
        verdict,
        reason: verdict === "approve" ? null : reason || null,
      },
      { onSuccess: () => setReason("") },
    );

  return (
    <article className="card review" aria-labelledby="claim-heading">
      <h2 id="claim-heading" ref={heading} tabIndex={-1}>
        {author}: {formatPoints(claim.quantity)} {claim.unit} of {claim.kind}
      </h2>
      <p>{claim.description}</p>
      <p className="meta">
        Worked on {formatDate(claim.occurredOn)} · {approvalsThisRound(claim)} of {required} approvals
      </p>
      {claim.evidenceUrl && (
        <p>
          <a href={claim.evidenceUrl} rel="noreferrer noopener" target="_blank">
            Evidence (opens a new tab)
          </a>
        </p>
      )}
      <FormProblem error={review.error} fields={["reason"]} />
      <TextArea
        label="Reason (needed to reject or request changes)"
        field="reason"
        error={review.error}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="actions">
        <button type="button" onClick={() => decide("approve")} disabled={review.isPending}>
          Approve
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => decide("request-changes")}
          disabled={review.isPending}
        >
          Request changes
        </button>
        <button type="button" className="danger" onClick={() => decide("reject")} disabled={review.isPending}>
          Reject
        </button>
      </div>
    </article>
  );
}

export function ReviewQueueScreen({ network }: { network: AccountNetwork }) {
  const queue = useReviewQueue(network.networkId);
  const policy = useReviewPolicy(network.networkId);
  const names = useMemberNames(network.networkId);
  const failed = queue.error ?? policy.error ?? names.error;
  let body;
  if (failed)
    body = (
      <ErrorView
        error={failed}
        retry={() => {
          queue.refetch();
          policy.refetch();
          names.refetch();
        }}
      />
    );
  else if (!queue.data || !policy.data || !names.data) body = <Loading what="the review queue" />;
  else if (queue.data.items.length === 0)
    body = (
      <Empty>
        <p>No claims are waiting for your review.</p>
      </Empty>
    );
  else {
    const claim = queue.data.items[0]!;
    body = (
      <>
        <p role="status">{String(queue.data.totalCount)} waiting for you</p>
        <ReviewCard
          key={claim.contributionId}
          network={network}
          claim={claim}
          author={names.data.get(claim.memberId) ?? "A member"}
          required={Number(policy.data.approvalsRequired)}
        />
      </>
    );
  }
  return (
    <>
      <h1>Review queue</h1>
      {body}
    </>
  );
}
