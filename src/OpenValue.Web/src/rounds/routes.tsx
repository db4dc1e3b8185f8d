import { lazy, Suspense, type ReactNode } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Loading } from "../ui/States";

// Loaded when first opened, so the first screen's bundle does not carry them.
const RoundsScreen = lazy(() => import("./RoundsScreen").then((m) => ({ default: m.RoundsScreen })));
const RoundScreen = lazy(() => import("./RoundScreen").then((m) => ({ default: m.RoundScreen })));

const later = (screen: ReactNode) => <Suspense fallback={<Loading what="the screen" />}>{screen}</Suspense>;

/** Co-budgeting rounds: path patterns under /app and what they show. */
export const roundScreens: [string, (network: AccountNetwork, params: Record<string, string>) => ReactNode][] = [
  ["/n/:networkId/rounds", (n) => later(<RoundsScreen network={n} />)],
  ["/n/:networkId/rounds/:roundId", (n, p) => later(<RoundScreen network={n} roundId={p.roundId!} />)],
];
