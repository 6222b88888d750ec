import type { LoginInput, Me } from "@mic/contracts";
import type { Role } from "@mic/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { api } from "./api-client";

/**
 * Signed out is a normal state, not an error: the probe asks /api/auth/session, which answers 200
 * with `user: null`, so visiting /login logs no 401 in the browser's console.
 */
export async function getMe(): Promise<Me | null> {
  const { user } = await api.get<{ user: Me | null }>("/api/auth/session");
  return user;
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.me, queryFn: getMe, staleTime: Infinity, retry: false });

export const useMe = () => useQuery(meQueryOptions());

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginInput) => api.post<Me>("/api/auth/login", body, { quiet401: true }),
    onSuccess: (me) => {
      signedOut = false;
      // Another account's cached data must never show: start from a clean cache.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}

/**
 * Set by 退出登录, cleared by the next sign-in: the route guard then sends to a plain /login, so the
 * next person to sign in on this browser is not taken to the page the previous user was on.
 */
let signedOut = false;
export const wasSignedOut = () => signedOut;

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>("/api/auth/logout", {}, { quiet401: true }),
    onSettled: () => {
      signedOut = true;
      queryClient.setQueryData(queryKeys.me, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
    },
  });
}

export function hasRole(me: Me | null | undefined, ...roles: Role[]): me is Me {
  return !!me && roles.includes(me.role);
}
