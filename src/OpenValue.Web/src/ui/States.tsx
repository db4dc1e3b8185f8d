import type { ReactNode } from "react";
import { formError } from "../api/problem";

export function Loading({ what }: { what: string }) {
  return (
    <p className="state" role="status">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state empty">{children}</div>;
}

/** A failed load: what the server said, and a way to try again. */
export function ErrorView({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="state error" role="alert">
      <p>{formError(error, []) ?? "Something went wrong."}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A form's own problem (one that names none of its fields), announced when it appears. */
export function FormProblem({ error, fields }: { error: unknown; fields: readonly string[] }) {
  const message = formError(error, fields);
  return message ? (
    <p className="form-problem" role="alert">
      {message}
    </p>
  ) : null;
}
