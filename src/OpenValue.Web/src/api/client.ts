import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";
import { ApiError } from "./problem";

export const csrfCookie = "ov_csrf";
export const csrfHeader = "X-CSRF-Token";

export function readCookie(name: string, cookies: string = document.cookie): string | undefined {
  const pair = cookies.split("; ").find((c) => c.startsWith(name + "="));
  return pair ? decodeURIComponent(pair.slice(name.length + 1)) : undefined;
}

/**
 * The session cookie is HttpOnly and sent by the browser itself; unsafe requests also echo the readable CSRF
 * cookie in a header, which a page of another site cannot do.
 */
export const csrf: Middleware = {
  onRequest({ request }) {
    if (!["GET", "HEAD", "OPTIONS"].includes(request.method)) {
      const token = readCookie(csrfCookie);
      if (token) request.headers.set(csrfHeader, token);
    }
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? "" });
api.use(csrf);

/** The response's data, or an {@link ApiError} carrying the server's problem details. */
export async function unwrap<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) throw ApiError.from(response.status, error);
  return data as T;
}
