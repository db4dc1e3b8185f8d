/** An RFC 9457 problem as the API sends it: `code` is machine-readable, `field` names the input at fault. */
export interface Problem {
  status?: number;
  title?: string;
  detail?: string;
  code?: string;
  field?: string;
  /** For `invalid-iban`: the check that failed (characters, country, length or checksum). */
  check?: string;
}

/** A refused or failed request; `problem` holds what the server said, when it said anything. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `The server answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }

  static from(status: number, body: unknown): ApiError {
    const problem = typeof body === "object" && body !== null ? (body as Problem) : {};
    return new ApiError(status, problem);
  }
}

/** Fields are named as in the request body ("founder.name", "roles[0]"); a form names its inputs the same way. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError && error.problem.field === field ? error.message : undefined;
}

/** The message to show above a form: anything not tied to one of the form's own fields. */
export function formError(error: unknown, fields: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError) {
    return error.problem.field && fields.includes(error.problem.field) ? undefined : error.message;
  }
  return "The server could not be reached. Check your connection and try again.";
}
