import { ApiError } from "../api/problem";

/** Refusals of a funding that are about the amount typed, though the server names no field for them. */
const aboutTheAmount = ["beyond-budget", "beyond-max-goal", "beyond-cap", "beyond-allocation"];

/** A funding's refusal about its amount, shown at the amount's input (`amount.amount`); any other as it is. */
export function atAmount(error: unknown): unknown {
  if (error instanceof ApiError && !error.problem.field && aboutTheAmount.includes(error.problem.code ?? ""))
    return new ApiError(error.status, { ...error.problem, field: "amount.amount" });
  return error;
}
