import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import { ApiError } from "../api/problem";
import type { components } from "../api/schema";
import { meKey } from "../accounts/session";

export type Member = components["schemas"]["MemberResponse"];
export type EquationBody = components["schemas"]["ValueEquationRequest"];
export type Equation = components["schemas"]["ValueEquationResponse"];
export type Simulation = components["schemas"]["SimulationResponse"];

/** A steward's change can touch any screen of the network (and the account's roles): all are read again. */
function useStewardWrite<T, R>(networkId: string, run: (input: T) => Promise<R>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ["networks", networkId] });
      await queries.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useChangeRoles(networkId: string) {
  return useStewardWrite(
    networkId,
    ({ memberId, grant, revoke }: { memberId: string; grant: string[]; revoke: string[] }) =>
      unwrap(
        api.POST("/networks/{networkId}/members/{memberId}/roles", {
          params: { path: { networkId, memberId } },
          body: { grant, revoke },
        }),
      ),
  );
}

export function useChangeMember(networkId: string) {
  return useStewardWrite(
    networkId,
    ({ memberId, ...body }: { memberId: string; name?: string; stakeholderClass?: string; effectiveOn?: string }) =>
      unwrap(
        api.PATCH("/networks/{networkId}/members/{memberId}", { params: { path: { networkId, memberId } }, body }),
      ),
  );
}

export function useOpenProject(networkId: string) {
  return useStewardWrite(networkId, (name: string) =>
    unwrap(api.POST("/networks/{networkId}/projects", { params: { path: { networkId } }, body: { name } })),
  );
}

export function useReviewPolicy(networkId: string) {
  return useQuery({
    queryKey: ["networks", networkId, "review-policy"],
    queryFn: () => unwrap(api.GET("/networks/{networkId}/review-policy", { params: { path: { networkId } } })),
  });
}

export function useTreasuryPolicy(networkId: string) {
  return useQuery({
    queryKey: ["networks", networkId, "treasury-policy"],
    queryFn: () => unwrap(api.GET("/networks/{networkId}/treasury-policy", { params: { path: { networkId } } })),
  });
}

export function useSetReviewPolicy(networkId: string) {
  return useStewardWrite(networkId, (approvalsRequired: number) =>
    unwrap(
      api.POST("/networks/{networkId}/review-policy", { params: { path: { networkId } }, body: { approvalsRequired } }),
    ),
  );
}

export function useSetTreasuryPolicy(networkId: string) {
  return useStewardWrite(networkId, (body: { fourEyes: string; coolingOffHours: number }) =>
    unwrap(api.POST("/networks/{networkId}/treasury-policy", { params: { path: { networkId } }, body })),
  );
}

/** The equation in force, or null while the network has adopted none (the server's default catalogue applies). */
export function useCurrentEquation(networkId: string) {
  return useQuery({
    queryKey: ["networks", networkId, "value-equations", "current", "full"],
    queryFn: async (): Promise<Equation | null> => {
      try {
        return await unwrap(
          api.GET("/networks/{networkId}/value-equations/current", { params: { path: { networkId } } }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.problem.code === "no-value-equation") return null;
        throw error;
      }
    },
  });
}

export function useSimulate(networkId: string) {
  return useMutation({
    mutationFn: (body: EquationBody) =>
      unwrap(api.POST("/networks/{networkId}/value-equations/simulate", { params: { path: { networkId } }, body })),
  });
}

export function useAdopt(networkId: string) {
  return useStewardWrite(networkId, ({ key, ...body }: EquationBody & { key: string }) =>
    unwrap(
      api.POST("/networks/{networkId}/value-equations", {
        params: { path: { networkId } },
        body,
        headers: { "Idempotency-Key": key },
      }),
    ),
  );
}

export function useRecordDeparture(networkId: string) {
  return useStewardWrite(
    networkId,
    ({ memberId, ...body }: { memberId: string; on: string; terms: string; reason: string }) =>
      unwrap(
        api.POST("/networks/{networkId}/members/{memberId}/departure", {
          params: { path: { networkId, memberId } },
          body,
        }),
      ),
  );
}

export function useErase(networkId: string) {
  return useStewardWrite(networkId, (memberId: string) =>
    unwrap(api.POST("/networks/{networkId}/members/{memberId}/erasure", { params: { path: { networkId, memberId } } })),
  );
}
