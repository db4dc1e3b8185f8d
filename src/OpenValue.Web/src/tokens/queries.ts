import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";

const key = (networkId: string, memberId: string) => ["networks", networkId, "tokens", memberId];

export function useTokens(networkId: string, memberId: string) {
  return useQuery({
    queryKey: key(networkId, memberId),
    queryFn: () =>
      unwrap(api.GET("/networks/{networkId}/members/{memberId}/tokens", { params: { path: { networkId, memberId } } })),
  });
}

/** Creates a token; its secret is in this response only and is kept in the screen's state, never stored. */
export function useCreateToken(networkId: string, memberId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      unwrap(
        api.POST("/networks/{networkId}/members/{memberId}/tokens", {
          params: { path: { networkId, memberId } },
          body: { name },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: key(networkId, memberId) }),
  });
}

export function useRevokeToken(networkId: string, memberId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      unwrap(
        api.DELETE("/networks/{networkId}/members/{memberId}/tokens/{tokenId}", {
          params: { path: { networkId, memberId, tokenId } },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: key(networkId, memberId) }),
  });
}
