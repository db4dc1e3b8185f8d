import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";

/** A page of share lines: totals still count every member, so a page's lines are exactly the full list's. */
export const sharesPageSize = 50;

export function useShares(networkId: string) {
  return useInfiniteQuery({
    queryKey: ["networks", networkId, "shares"],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/networks/{networkId}/shares", {
          params: {
            path: { networkId },
            query: { limit: sharesPageSize, ...(pageParam ? { after: pageParam } : {}) },
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
