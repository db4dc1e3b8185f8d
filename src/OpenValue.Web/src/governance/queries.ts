import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import type { components } from "../api/schema";

export type Proposal = components["schemas"]["ProposalResponse"];
export type Position = "agree" | "abstain" | "disagree" | "block";

export function useProposals(networkId: string) {
  return useQuery({
    queryKey: ["networks", networkId, "proposals", "list"],
    queryFn: () =>
      unwrap(api.GET("/networks/{networkId}/proposals", { params: { path: { networkId }, query: { pageSize: 50 } } })),
  });
}

export function useProposal(networkId: string, proposalId: string | undefined) {
  return useQuery({
    queryKey: ["networks", networkId, "proposals", proposalId],
    enabled: proposalId !== undefined,
    queryFn: () =>
      unwrap(
        api.GET("/networks/{networkId}/proposals/{proposalId}", {
          params: { path: { networkId, proposalId: proposalId! } },
        }),
      ),
  });
}

/** States (or changes) the caller's position; the answer is the proposal as it now stands. */
export function useStatePosition(networkId: string, proposalId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { position: Position; reason: string | null }) =>
      unwrap(
        api.POST("/networks/{networkId}/proposals/{proposalId}/positions", {
          params: { path: { networkId, proposalId } },
          body,
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["networks", networkId, "proposals"] }),
  });
}
