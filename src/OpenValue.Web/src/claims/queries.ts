import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import { ApiError } from "../api/problem";

export interface Kind {
  kind: string;
  unit: string;
}

// The kinds every network accepts until a value equation is adopted (the server's default catalogue).
const defaultKinds = (currency: string): Kind[] => [
  { kind: "work", unit: "hour" },
  { kind: "cash", unit: currency },
  { kind: "expense", unit: currency },
  { kind: "material", unit: currency },
  { kind: "sales", unit: currency },
  { kind: "equipment", unit: "hour" },
  { kind: "design", unit: "point" },
  { kind: "care", unit: "hour" },
];

/** The kinds and units of the value equation in force (a "money" rule is claimed in the network's currency). */
export function useKinds(networkId: string, currency: string) {
  return useQuery({
    queryKey: ["networks", networkId, "value-equations", "current"],
    queryFn: async (): Promise<Kind[]> => {
      try {
        const equation = await unwrap(
          api.GET("/networks/{networkId}/value-equations/current", { params: { path: { networkId } } }),
        );
        return Object.entries(equation.rules).map(([kind, rule]) => ({
          kind,
          unit: rule.unit === "money" ? currency : rule.unit,
        }));
      } catch (error) {
        if (error instanceof ApiError && error.problem.code === "no-value-equation") return defaultKinds(currency);
        throw error;
      }
    },
  });
}

export function useProjects(networkId: string) {
  return useQuery({
    queryKey: ["networks", networkId, "projects"],
    queryFn: () => unwrap(api.GET("/networks/{networkId}/projects", { params: { path: { networkId } } })),
  });
}

export const claimsPageSize = 20;

export function useMyClaims(networkId: string, memberId: string, page: number) {
  return useQuery({
    queryKey: ["networks", networkId, "contributions", "mine", page],
    queryFn: () =>
      unwrap(
        api.GET("/networks/{networkId}/contributions", {
          params: { path: { networkId }, query: { memberId, page, pageSize: claimsPageSize } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

export interface ClaimInput {
  id: string;
  kind: string;
  quantity: string;
  unit: string;
  occurredOn: string;
  description: string;
  evidenceUrl: string | null;
  projectId: string | null;
}

export function useSubmitClaim(networkId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: ClaimInput) =>
      unwrap(api.POST("/networks/{networkId}/contributions", { params: { path: { networkId } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["networks", networkId] }),
  });
}

export function useAmendClaim(networkId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ contributionId, ...body }: Omit<ClaimInput, "id"> & { contributionId: string }) =>
      unwrap(
        api.PUT("/networks/{networkId}/contributions/{contributionId}", {
          params: { path: { networkId, contributionId } },
          body,
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["networks", networkId] }),
  });
}

/** Accepted claims of the network (the ones a member may ask the stewards to revoke). */
export function useAcceptedClaims(networkId: string, page: number) {
  return useQuery({
    queryKey: ["networks", networkId, "contributions", "accepted", page],
    queryFn: () =>
      unwrap(
        api.GET("/networks/{networkId}/contributions", {
          params: { path: { networkId }, query: { status: "accepted", page, pageSize: claimsPageSize } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

/** Accepted claims members asked the stewards to revoke, not yet revoked. */
export function useRevocationRequests(networkId: string, page: number) {
  return useQuery({
    queryKey: ["networks", networkId, "contributions", "revocation-requested", page],
    queryFn: () =>
      unwrap(
        api.GET("/networks/{networkId}/contributions", {
          params: { path: { networkId }, query: { revocationRequested: "true", page, pageSize: claimsPageSize } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

/** The author appeals a rejection; any member appeals an acceptance (asks the stewards to revoke it). */
export function useAppeal(networkId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ contributionId, reason }: { contributionId: string; reason: string }) =>
      unwrap(
        api.POST("/networks/{networkId}/contributions/{contributionId}/appeal", {
          params: { path: { networkId, contributionId } },
          body: { reason },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["networks", networkId] }),
  });
}

/** A steward revokes an acceptance: its points leave the shares from now on. */
export function useRevoke(networkId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ contributionId, reason }: { contributionId: string; reason: string }) =>
      unwrap(
        api.POST("/networks/{networkId}/contributions/{contributionId}/revocation", {
          params: { path: { networkId, contributionId } },
          body: { reason },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["networks", networkId] }),
  });
}
