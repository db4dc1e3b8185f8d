import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";

export function useReviewQueue(networkId: string) {
  return useQuery({
    queryKey: ["networks", networkId, "review-queue"],
    queryFn: () =>
      unwrap(
        api.GET("/networks/{networkId}/review-queue", { params: { path: { networkId }, query: { pageSize: 20 } } }),
      ),
  });
}

export type Verdict = "approve" | "reject" | "request-changes";

export function useReview(networkId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({
      contributionId,
      expectedVersion,
      verdict,
      reason,
    }: {
      contributionId: string;
      /** The claim's version as the reviewer read it: a claim amended since is refused (409). */
      expectedVersion: number;
      verdict: Verdict;
      reason: string | null;
    }) =>
      unwrap(
        api.POST("/networks/{networkId}/contributions/{contributionId}/reviews", {
          params: { path: { networkId, contributionId } },
          body: { verdict, expectedVersion, reason },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["networks", networkId] }),
  });
}
