import type { Role } from "@mic/domain";
import { Navigate, Outlet, useLocation } from "react-router";
import { QueryState } from "@/components/query-state";
import { useMe, wasSignedOut } from "@/lib/auth";
import { homeFor, paths } from "./paths";

/** Signed-out visitors go to /login, which brings them back to where they meant to go. */
export function RequireAuth() {
  const me = useMe();
  return <QueryState query={me}>{(user) => (user ? <Outlet /> : <ToLogin />)}</QueryState>;
}

/** After 退出登录 a plain /login: the next person must not land on the previous user's page. */
function ToLogin() {
  const location = useLocation();
  const returnTo = `${location.pathname}${location.search}`;
  const target =
    returnTo === "/" || wasSignedOut()
      ? paths.login
      : `${paths.login}?returnTo=${encodeURIComponent(returnTo)}`;
  return <Navigate to={target} replace />;
}

/** A page of another role sends the user to their own home instead of showing an API 403. */
export function RequireRole({ roles }: { roles: Role[] }) {
  const { data: me } = useMe();
  if (!me) return null;
  if (!roles.includes(me.role)) return <Navigate to={homeFor(me.role)} replace />;
  return <Outlet />;
}

export function HomeRedirect() {
  const { data: me } = useMe();
  if (!me) return null;
  return <Navigate to={homeFor(me.role)} replace />;
}
