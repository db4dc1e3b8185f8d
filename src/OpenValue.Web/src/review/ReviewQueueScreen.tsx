import { useEffect, useRef, useState } from "react";
import type { AccountNetwork } from "../accounts/session";
import type { components } from "../api/schema";
import { TextArea } from "../ui/Field";
import { Empty, ErrorView, FormProblem, Loading } from "../ui/States";
import { formatDate, formatPoints } from "../ui/format";
import { RecentClaims } from "../people/RecentClaims";
import { useRecentClaims } from "../people/queries";
import { useReview, useReviewQueue, type Verdict } from "./queries";

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

/** The author's latest claims beside the one under review, for context (the second and last request). */
function AuthorsClaims({ network, claim, author }: { network: AccountNetwork; claim: Claim; author: string }) {
  const claims = useRecentClaims(network.networkId, claim.memberId, 6);
  if (claims.isPending) return <Loading what={`${author}'s claims`} />;
  if (claims.isError) return <ErrorView error={claims.error} retry={() => claims.refetch()} />;
  const others = claims.data.items.filter((c) => c.contributionId !== claim.contributionId).slice(0, 5);
  return <RecentClaims claims={others} label={`Recent claims of ${author}`} />;
}

/** The page of the queue, each claim with its progress; choosing one puts it under review. */
function QueueList({
  claims,
  current,
  nameOf,
  required,
  choose,
}: {
  claims: Claim[];
  current: string;
  nameOf: (memberId: string) => string;
  required: number;
  choose: (contributionId: string) => void;
}) {
  return (
    <ol className="queue" aria-label="Claims waiting for you">
      {claims.map((c) => (
        <li key={c.contributionId}>
          <button
            type="button"
            className="link"
            aria-current={c.contributionId === current ? "true" : undefined}
            onClick={() => choose(c.contributionId)}
          >
            {nameOf(c.memberId)}: {formatPoints(c.quantity)} {c.unit} of {c.kind}
          </button>{" "}
          <span className="meta" data-testid="queue-progress">
            {approvalsThisRound(c)} of {required} approvals
          </span>
        </li>
      ))}
    </ol>
  );
}

export function ReviewQueueScreen({ network }: { network: AccountNetwork }) {
  const queue = useReviewQueue(network.networkId);
  const [chosen, setChosen] = useState<string>();
  if (queue.isError) return <ErrorView error={queue.error} retry={() => queue.refetch()} />;
  let body;
  if (!queue.data) body = <Loading what="the review queue" />;
  else if (queue.data.items.length === 0)
    body = (
      <Empty>
        <p>No claims are waiting for your review.</p>
      </Empty>
    );
  else {
    const page = queue.data;
    const names = new Map(page.authors.map((a) => [a.memberId, a.name]));
    const nameOf = (memberId: string) => names.get(memberId) ?? "A member";
    // The chosen claim while it waits; once judged it leaves the queue and the first waiting one follows.
    const claim = page.items.find((c) => c.contributionId === chosen) ?? page.items[0]!;
    const required = Number(page.approvalsRequired);
    body = (
      <>
        <p role="status">{String(page.totalCount)} waiting for you</p>
        <div className="split">
          <div>
            <ReviewCard
              key={claim.contributionId}
              network={network}
              claim={claim}
              author={nameOf(claim.memberId)}
              required={required}
            />
            <h2>Recent claims of {nameOf(claim.memberId)}</h2>
            <AuthorsClaims network={network} claim={claim} author={nameOf(claim.memberId)} />
          </div>
          <QueueList
            claims={page.items}
            current={claim.contributionId}
            nameOf={nameOf}
            required={required}
            choose={setChosen}
          />
        </div>
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
