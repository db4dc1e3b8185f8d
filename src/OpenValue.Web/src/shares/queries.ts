import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";

/** One member's share explained contribution by contribution, as of a moment (undefined: now). */
export function useShareExplanation(networkId: string, memberId: string, asOf?: string) {
  return useQuery({
    queryKey: ["networks", networkId, "share", memberId, asOf ?? "now"],
    queryFn: () =>
      unwrap(
        api.GET("/networks/{networkId}/members/{memberId}/share", {
          params: { path: { networkId, memberId }, query: asOf ? { asOf } : {} },
        }),
      ),
  });
}

export type Step = "day" | "week" | "month";

/** The member's points and share at every step up to `to` (undefined: now). */
export function useShareHistory(networkId: string, memberId: string, step: Step, to?: string) {
  return useQuery({
    queryKey: ["networks", networkId, "share-history", memberId, step, to ?? "now"],
    queryFn: () =>
      unwrap(
        api.GET("/networks/{networkId}/shares/history", {
          params: { path: { networkId }, query: { memberId, step, ...(to ? { to } : {}) } },
        }),
      ),
  });
}

export const payoutsPageSize = 20;

/** A page of the member's payouts, newest first; under the treasury's key, so every treasury write refreshes it. */
export function useMemberPayouts(networkId: string, memberId: string, page: number) {
  return useQuery({
    queryKey: ["networks", networkId, "treasury", "member-payouts", memberId, page],
    queryFn: () =>
      unwrap(
        api.GET("/networks/{networkId}/members/{memberId}/payouts", {
          params: { path: { networkId, memberId }, query: { page, pageSize: payoutsPageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
