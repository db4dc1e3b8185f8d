import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import type { components } from "../api/schema";

export type Admitted = components["schemas"]["MemberAdmittedResponse"];

export function useMembers(networkId: string) {
  return useQuery({
    queryKey: ["networks", networkId, "members", "list"],
    queryFn: () => unwrap(api.GET("/networks/{networkId}/members", { params: { path: { networkId } } })),
  });
}

export interface Admission {
  name: string;
  roles: string[];
  stakeholderClass: string;
}

/** Admits with an idempotency key per admission: a retry after a lost answer admits nobody twice. */
export function useAdmit(networkId: string) {
  const queries = useQueryClient();
  return useMutation({
    // The document also lists a bodiless 200 for this route; the body that comes back is the 201's.
    mutationFn: async ({ key, ...body }: Admission & { key: string }) =>
      (await unwrap(
        api.POST("/networks/{networkId}/members", {
          params: { path: { networkId } },
          body,
          headers: { "Idempotency-Key": key },
        }),
      )) as Admitted,
    onSuccess: () => queries.invalidateQueries({ queryKey: ["networks", networkId] }),
  });
}

export function useFreshInvitation(networkId: string) {
  return useMutation({
    mutationFn: (memberId: string) =>
      unwrap(
        api.POST("/networks/{networkId}/members/{memberId}/invitation", { params: { path: { networkId, memberId } } }),
      ),
  });
}
