import { useEffect, type ReactNode } from "react";
import { InvitationScreen } from "./accounts/InvitationScreen";
import { SignInScreen } from "./accounts/SignInScreen";
import { useMe, type Account, type AccountNetwork } from "./accounts/session";
import { MyClaimsScreen } from "./claims/MyClaimsScreen";
import { DashboardScreen } from "./dashboard/DashboardScreen";
import { MembersScreen } from "./members/MembersScreen";
import { FoundScreen } from "./networks/FoundScreen";
import { ProposalsScreen } from "./governance/ProposalsScreen";
import { NetworkLayout } from "./networks/NetworkLayout";
import { peopleScreens } from "./people/routes";
import { ReviewQueueScreen } from "./review/ReviewQueueScreen";
import { roundScreens } from "./rounds/routes";
import { Link, match, navigate, usePath } from "./routing/router";
import { EquationScreen } from "./steward/EquationScreen";
import { PoliciesScreen } from "./steward/PoliciesScreen";
import { StewardScreen } from "./steward/StewardScreen";
import { DistributionScreen } from "./treasury/DistributionScreen";
import { DistributionsScreen } from "./treasury/DistributionsScreen";
import { TreasuryScreen } from "./treasury/TreasuryScreen";
import { Empty, ErrorView, Loading } from "./ui/States";

type Screen = (network: AccountNetwork, params: Record<string, string>) => ReactNode;

const networkScreens: [string, Screen][] = [
  ["/n/:networkId", (n) => <DashboardScreen network={n} />],
  ["/n/:networkId/claims", (n) => <MyClaimsScreen network={n} />],
  ["/n/:networkId/review", (n) => <ReviewQueueScreen network={n} />],
  ["/n/:networkId/members", (n) => <MembersScreen network={n} />],
  ["/n/:networkId/treasury", (n) => <TreasuryScreen network={n} />],
  ["/n/:networkId/distributions", (n) => <DistributionsScreen network={n} />],
  ["/n/:networkId/distributions/:distributionId", (n) => <DistributionScreen network={n} />],
  ["/n/:networkId/steward", (n) => <StewardScreen network={n} />],
  ["/n/:networkId/policies", (n) => <PoliciesScreen network={n} />],
  ["/n/:networkId/equation", (n) => <EquationScreen network={n} />],
  ...peopleScreens,
  ["/n/:networkId/proposals", (n) => <ProposalsScreen network={n} />],
  ...roundScreens,
];

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** Screens outside a network: a plain frame with the app's name. */
function Plain({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="top">
        <Link to="/" className="brand">
          OpenValue
        </Link>
      </header>
      <main id="main">{children}</main>
    </>
  );
}

/** The signed-in account's screens: loading, a failure, or the sign-in screen when nobody is signed in. */
function WithAccount({ children }: { children: (account: Account) => ReactNode }) {
  const me = useMe();
  if (me.isPending)
    return (
      <Plain>
        <Loading what="your account" />
      </Plain>
    );
  if (me.isError)
    return (
      <Plain>
        <ErrorView error={me.error} retry={() => me.refetch()} />
      </Plain>
    );
  if (!me.data) return <Redirect to="/sign-in" />;
  return children(me.data);
}

function NetworkScreen({
  account,
  networkId,
  screen,
}: {
  account: Account;
  networkId: string;
  screen: (network: AccountNetwork) => ReactNode;
}) {
  const network = account.networks.find((n) => n.networkId === networkId);
  if (!network)
    return (
      <Plain>
        <h1>Not found</h1>
        <Empty>
          <p>
            You are not a member of this network. <Link to="/">Your networks</Link>
          </p>
        </Empty>
      </Plain>
    );
  return <NetworkLayout network={network}>{screen(network)}</NetworkLayout>;
}

/** Signed in: the first network; in none: an invitation to found one. */
function Home({ account }: { account: Account }) {
  const first = account.networks[0];
  if (first) return <Redirect to={`/n/${first.networkId}`} />;
  return (
    <Plain>
      <h1>Welcome</h1>
      <Empty>
        <p>
          You are not in a network yet. Open an invitation link, or <Link to="/found">found a network</Link>.
        </p>
      </Empty>
    </Plain>
  );
}

export function App() {
  const path = usePath();
  if (path === "/sign-in")
    return (
      <Plain>
        <SignInScreen />
      </Plain>
    );
  if (path === "/found")
    return (
      <Plain>
        <FoundScreen />
      </Plain>
    );
  if (path === "/invitation")
    return (
      <Plain>
        <InvitationScreen />
      </Plain>
    );
  for (const [pattern, screen] of networkScreens) {
    const params = match(pattern, path);
    if (params)
      return (
        <WithAccount>
          {(account) => (
            <NetworkScreen account={account} networkId={params.networkId!} screen={(n) => screen(n, params)} />
          )}
        </WithAccount>
      );
  }
  if (path === "/") return <WithAccount>{(account) => <Home account={account} />}</WithAccount>;
  return (
    <Plain>
      <h1>Not found</h1>
      <p>
        There is no such page. <Link to="/">Go to your networks</Link>
      </p>
    </Plain>
  );
}
