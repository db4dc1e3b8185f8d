import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import { ApiError } from "../api/problem";
import type { components } from "../api/schema";

export type Account = components["schemas"]["AccountResponse"];
export type AccountNetwork = components["schemas"]["AccountNetworkResponse"];

export const meKey = ["accounts", "me"] as const;

/** The signed-in account and its networks; null when nobody is signed in (401). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Account | null> => {
      try {
        return await unwrap(api.GET("/accounts/me"));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 30_000,
  });
}

/** The membership the account holds in one network, once the account is loaded. */
export function useMembership(networkId: string): AccountNetwork | undefined {
  return useMe().data?.networks.find((n) => n.networkId === networkId);
}

/** Every mutation that signs in or out replaces the cached account and drops every network's cached data. */
function useSessionChange<T>(run: (input: T) => Promise<Account | null>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (account) => {
      queries.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      queries.setQueryData(meKey, account);
    },
  });
}

export const useSignIn = () =>
  useSessionChange((body: { login: string; password: string }) => unwrap(api.POST("/accounts/sign-in", { body })));

export const useSignOut = () =>
  useSessionChange(async () => {
    await unwrap(api.POST("/accounts/sign-out"));
    return null;
  });

export interface Acceptance {
  token: string;
  login: string | null;
  password: string | null;
  createAccount: boolean;
}

export const useAcceptInvitation = () =>
  useSessionChange((body: Acceptance) => unwrap(api.POST("/accounts/invitations/acceptance", { body })));

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ["invitation", token],
    queryFn: () => unwrap(api.POST("/accounts/invitations/preview", { body: { token } })),
    enabled: token.length > 0,
    retry: false,
  });
}
