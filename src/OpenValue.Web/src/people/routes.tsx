import { lazy, Suspense, type ReactNode } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Loading } from "../ui/States";

// Loaded when first opened, so the first screen's bundle does not carry them.
const MyShareScreen = lazy(() => import("../shares/MyShareScreen").then((m) => ({ default: m.MyShareScreen })));
const MyPayoutsScreen = lazy(() => import("../shares/MyPayoutsScreen").then((m) => ({ default: m.MyPayoutsScreen })));
const MemberScreen = lazy(() => import("./MemberScreen").then((m) => ({ default: m.MemberScreen })));
const TokensScreen = lazy(() => import("../tokens/TokensScreen").then((m) => ({ default: m.TokensScreen })));

const later = (screen: ReactNode) => <Suspense fallback={<Loading what="the screen" />}>{screen}</Suspense>;

/** A member's own screens and others' member pages: path patterns under /app and what they show. */
export const peopleScreens: [string, (network: AccountNetwork, params: Record<string, string>) => ReactNode][] = [
  ["/n/:networkId/share", (n) => later(<MyShareScreen network={n} />)],
  ["/n/:networkId/payouts", (n) => later(<MyPayoutsScreen network={n} />)],
  ["/n/:networkId/members/:memberId", (n, p) => later(<MemberScreen network={n} memberId={p.memberId!} />)],
  ["/n/:networkId/tokens", (n) => later(<TokensScreen network={n} />)],
];
