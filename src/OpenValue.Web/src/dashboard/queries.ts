import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";

/** A page of share lines: totals still count every member, so a page's lines are exactly the full list's. */
export const sharesPageSize = 50;

/** Shares now, or as of an instant (`asOf`) in the past. */
export function useShares(networkId: string, asOf?: string) {
  return useInfiniteQuery({
    queryKey: ["networks", networkId, "shares", asOf ?? "now"],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/networks/{networkId}/shares", {
          params: {
            path: { networkId },
            query: { limit: sharesPageSize, ...(pageParam ? { after: pageParam } : {}), ...(asOf ? { asOf } : {}) },
          },
        }),
      ),
    initialPageParam: "",
    getNextPageParam: (last) => (last.members.length < sharesPageSize ? undefined : last.members.at(-1)?.memberId),
  });
}

export function useActivity(networkId: string) {
  return useQuery({
    queryKey: ["networks", networkId, "activity"],
    queryFn: () =>
      unwrap(api.GET("/networks/{networkId}/activity", { params: { path: { networkId }, query: { limit: 10 } } })),
  });
}
