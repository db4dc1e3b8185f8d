import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";

export const recentClaimsCount = 10;

/** A member's most recent claims, newest first, whatever their status. */
export function useRecentClaims(networkId: string, memberId: string | undefined, pageSize = recentClaimsCount) {
  return useQuery({
    queryKey: ["networks", networkId, "contributions", "of", memberId, pageSize],
    enabled: !!memberId,
    queryFn: () =>
      unwrap(
        api.GET("/networks/{networkId}/contributions", {
          params: { path: { networkId }, query: { memberId: memberId!, page: 1, pageSize } },
        }),
      ),
  });
}
