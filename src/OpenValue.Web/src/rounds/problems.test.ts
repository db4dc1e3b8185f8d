import { describe, expect, it } from "vitest";
import { ApiError, fieldError, formError } from "../api/problem";
import { atAmount } from "./problems";

describe("a funding's refusal", () => {
  it("about the amount is shown at the amount's input", () => {
    const error = atAmount(
      ApiError.from(409, { code: "beyond-budget", detail: "You have €3.00 of your budget left." }),
    );
    expect(fieldError(error, "amount.amount")).toBe("You have €3.00 of your budget left.");
    expect(formError(error, ["amount.amount"])).toBeUndefined();
  });

  it("about something else stays above the form", () => {
    const error = atAmount(ApiError.from(409, { code: "round-closed", detail: "This round is closed." }));
    expect(fieldError(error, "amount.amount")).toBeUndefined();
    expect(formError(error, ["amount.amount"])).toBe("This round is closed.");
  });
});
