import { describe, expect, it } from "vitest";
import { ApiError, fieldError } from "../api/problem";
import { withCheck } from "./PayoutDetails";

describe("a refused IBAN", () => {
  it("names the failed check in the message at the field", () => {
    const refused = ApiError.from(400, { code: "invalid-iban", field: "iban", check: "checksum", detail: "Bad IBAN." });
    expect(fieldError(withCheck(refused), "iban")).toBe("Bad IBAN. (failed check: checksum)");
  });

  it("leaves any other problem as it is", () => {
    const refused = ApiError.from(400, { code: "invalid-bic", field: "bic", detail: "Bad BIC." });
    expect(withCheck(refused)).toBe(refused);
  });
});
