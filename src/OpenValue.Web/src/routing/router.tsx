import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

/** Where the API serves the app; every path below is relative to it. */
export const base = "/app";
const changed = "openvalue:navigate";

function subscribe(onChange: () => void) {
  window.addEventListener("popstate", onChange);
  window.addEventListener(changed, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(changed, onChange);
  };
}

const current = () => window.location.pathname.replace(new RegExp(`^${base}`), "") || "/";

/** The path below /app ("/n/…/claims"); the screen re-renders when it changes. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, current);
}

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (options.replace) window.history.replaceState(null, "", base + to);
  else window.history.pushState(null, "", base + to);
  window.dispatchEvent(new Event(changed));
}

/** "/n/:networkId/claims" against "/n/abc/claims" gives { networkId: "abc" }; no match gives null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const source = pattern.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const found = new RegExp(`^${source}/?$`).exec(path);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? "")]));
}

/** A real link (it opens in a new tab with a modifier key); a plain click moves without reloading. */
export function Link({ to, ...props }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={base + to} onClick={onClick} {...props} />;
}
