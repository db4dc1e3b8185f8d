const labels: Record<string, string> = {
  submitted: "Waiting for review",
  "changes-requested": "Changes requested",
  accepted: "Accepted",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  revoked: "Revoked",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{labels[status] ?? status}</span>;
}
