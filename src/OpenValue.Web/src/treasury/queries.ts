import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import type { components } from "../api/schema";

export type Ledger = components["schemas"]["LedgerResponse"];
export type Income = components["schemas"]["IncomeResponse"];
export type Distribution = components["schemas"]["DistributionResponse"];
export type Preview = components["schemas"]["DistributionPreviewResponse"];
export type Payout = components["schemas"]["PayoutResponse"];
export type ProposalBody = components["schemas"]["ProposeDistributionRequest"];
export type IncomeBody = components["schemas"]["RecordIncomeRequest"];

export const incomePageSize = 20;
export const distributionsPageSize = 20;

const treasury = (networkId: string) => ["networks", networkId, "treasury"] as const;

export function useLedger(networkId: string) {
  return useQuery({
    queryKey: [...treasury(networkId), "ledger"],
    queryFn: () => unwrap(api.GET("/networks/{networkId}/ledger", { params: { path: { networkId } } })),
  });
}

export function useIncome(networkId: string, page: number) {
  return useQuery({
    queryKey: [...treasury(networkId), "income", page],
    queryFn: () =>
      unwrap(
        api.GET("/networks/{networkId}/income", {
          params: { path: { networkId }, query: { page, pageSize: incomePageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useDistributions(networkId: string, page: number) {
  return useQuery({
    queryKey: [...treasury(networkId), "distributions", page],
    queryFn: () =>
      unwrap(
        api.GET("/networks/{networkId}/distributions", {
          params: { path: { networkId }, query: { page, pageSize: distributionsPageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useDistribution(networkId: string, distributionId: string) {
  return useQuery({
    queryKey: [...treasury(networkId), "distribution", distributionId],
    queryFn: () =>
      unwrap(
        api.GET("/networks/{networkId}/distributions/{distributionId}", {
          params: { path: { networkId, distributionId } },
        }),
      ),
  });
}

/** Every treasury write changes the ledger and the lists: they are read again. */
function useTreasuryWrite<T, R>(networkId: string, run: (input: T) => Promise<R>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queries.invalidateQueries({ queryKey: treasury(networkId) }),
  });
}

export function useRecordIncome(networkId: string) {
  return useTreasuryWrite(networkId, ({ key, ...body }: IncomeBody & { key: string }) =>
    unwrap(
      api.POST("/networks/{networkId}/income", {
        params: { path: { networkId } },
        body,
        headers: { "Idempotency-Key": key },
      }),
    ),
  );
}

export function useReverseIncome(networkId: string) {
  return useTreasuryWrite(networkId, ({ incomeId, reason }: { incomeId: string; reason: string }) =>
    unwrap(
      api.POST("/networks/{networkId}/income/{incomeId}/reversal", {
        params: { path: { networkId, incomeId } },
        body: { reason },
      }),
    ),
  );
}

/** The lines a proposal would get now; nothing is recorded. Asked again while the form changes. */
export function usePreview(networkId: string, body: ProposalBody | null) {
  return useQuery({
    queryKey: [...treasury(networkId), "preview", body],
    queryFn: () =>
      unwrap(api.POST("/networks/{networkId}/distributions/preview", { params: { path: { networkId } }, body: body! })),
    enabled: body !== null,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export function usePropose(networkId: string) {
  return useTreasuryWrite(
    networkId,
    async ({ key, ...body }: ProposalBody & { key: string }) =>
      (await unwrap(
        api.POST("/networks/{networkId}/distributions", {
          params: { path: { networkId } },
          body,
          headers: { "Idempotency-Key": key },
        }),
      )) as Distribution,
  );
}

type Step = "approval" | "payouts" | "cancellation";

/** Approve, issue the payouts, or cancel one distribution (each answers with the distribution or its payouts). */
export function useDistributionStep(networkId: string, distributionId: string, step: Step) {
  const path = { networkId, distributionId };
  return useTreasuryWrite(networkId, async () => {
    if (step === "approval")
      return unwrap(api.POST("/networks/{networkId}/distributions/{distributionId}/approval", { params: { path } }));
    if (step === "payouts")
      return unwrap(api.POST("/networks/{networkId}/distributions/{distributionId}/payouts", { params: { path } }));
    return unwrap(
      api.POST("/networks/{networkId}/distributions/{distributionId}/cancellation", { params: { path }, body: {} }),
    );
  });
}

export function useReversePayout(networkId: string) {
  return useTreasuryWrite(networkId, ({ payoutId, reason }: { payoutId: string; reason: string }) =>
    unwrap(
      api.POST("/networks/{networkId}/payouts/{payoutId}/reversal", {
        params: { path: { networkId, payoutId } },
        body: { reason },
      }),
    ),
  );
}

export function useReissue(networkId: string) {
  return useTreasuryWrite(networkId, ({ payoutId, key }: { payoutId: string; key: string }) =>
    unwrap(
      api.POST("/networks/{networkId}/payouts/{payoutId}/reissue", {
        params: { path: { networkId, payoutId } },
        headers: { "Idempotency-Key": key },
      }),
    ),
  );
}

/** Where the browser downloads the CSV itself (a plain link: the session cookie goes with it). */
export const csvUrl = (networkId: string, distributionId: string) =>
  `/networks/${networkId}/distributions/${distributionId}/payouts.csv`;
