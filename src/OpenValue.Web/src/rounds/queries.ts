import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import type { components } from "../api/schema";

export type Round = components["schemas"]["RoundResponse"];
export type Bucket = components["schemas"]["BucketResponse"];
export type Budget = components["schemas"]["BudgetResponse"];
export type OpenRoundBody = components["schemas"]["OpenRoundRequest"];
export type ProposeBucketBody = components["schemas"]["ProposeBucketRequest"];

export const roundsPageSize = 20;

const rounds = (networkId: string) => ["networks", networkId, "rounds"] as const;

export function useRounds(networkId: string, page: number) {
  return useQuery({
    queryKey: [...rounds(networkId), "list", page],
    queryFn: () =>
      unwrap(
        api.GET("/networks/{networkId}/rounds", {
          params: { path: { networkId }, query: { page, pageSize: roundsPageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useRound(networkId: string, roundId: string) {
  return useQuery({
    queryKey: [...rounds(networkId), "round", roundId],
    queryFn: () =>
      unwrap(api.GET("/networks/{networkId}/rounds/{roundId}", { params: { path: { networkId, roundId } } })),
  });
}

/** Every write changes budgets, buckets or the list: the rounds (and the treasury's ledger) are read again. */
function useRoundWrite<T, R>(networkId: string, run: (input: T) => Promise<R>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: rounds(networkId) }),
        queries.invalidateQueries({ queryKey: ["networks", networkId, "treasury"] }),
      ]),
  });
}

export function useOpenRound(networkId: string) {
  return useRoundWrite(
    networkId,
    async ({ key, ...body }: OpenRoundBody & { key: string }) =>
      (await unwrap(
        api.POST("/networks/{networkId}/rounds", {
          params: { path: { networkId } },
          body,
          headers: { "Idempotency-Key": key },
        }),
      )) as Round,
  );
}

export function useProposeBucket(networkId: string, roundId: string) {
  return useRoundWrite(networkId, (body: ProposeBucketBody) =>
    unwrap(
      api.POST("/networks/{networkId}/rounds/{roundId}/buckets", { params: { path: { networkId, roundId } }, body }),
    ),
  );
}

export function useFundBucket(networkId: string, roundId: string, bucketId: string) {
  return useRoundWrite(networkId, ({ amount, currency }: { amount: string; currency: string }) =>
    unwrap(
      api.POST("/networks/{networkId}/rounds/{roundId}/buckets/{bucketId}/funding", {
        params: { path: { networkId, roundId, bucketId } },
        body: { amount: { amount, currency } },
      }),
    ),
  );
}

export function useApproveBucket(networkId: string, roundId: string, bucketId: string) {
  return useRoundWrite(networkId, () =>
    unwrap(
      api.POST("/networks/{networkId}/rounds/{roundId}/buckets/{bucketId}/approval", {
        params: { path: { networkId, roundId, bucketId } },
      }),
    ),
  );
}

export function useCancelBucket(networkId: string, roundId: string, bucketId: string) {
  return useRoundWrite(networkId, () =>
    unwrap(
      api.POST("/networks/{networkId}/rounds/{roundId}/buckets/{bucketId}/cancellation", {
        params: { path: { networkId, roundId, bucketId } },
        body: {},
      }),
    ),
  );
}

export function useCloseRound(networkId: string, roundId: string) {
  return useRoundWrite(networkId, (key: string) =>
    unwrap(
      api.POST("/networks/{networkId}/rounds/{roundId}/closing", {
        params: { path: { networkId, roundId } },
        headers: { "Idempotency-Key": key },
      }),
    ),
  );
}

/** Where the browser downloads the CSV itself (a plain link: the session cookie goes with it). */
export const roundCsvUrl = (networkId: string, roundId: string) =>
  `/networks/${networkId}/rounds/${roundId}/payouts.csv`;
