import { describe, expect, it } from "vitest";
import { payoutStatus } from "./MyPayoutsScreen";

describe("a payout's status in words", () => {
  it("says paid, a reissue, reversed with its reason, and reversed then paid again", () => {
    expect(payoutStatus({ status: "issued", reissueOf: null, reversalReason: null })).toBe("paid");
    expect(payoutStatus({ status: "issued", reissueOf: "b0c1", reversalReason: null })).toBe("paid (a reissue)");
    expect(payoutStatus({ status: "reversed", reissueOf: null, reversalReason: "Bounced" })).toBe("reversed (Bounced)");
    expect(payoutStatus({ status: "reissued", reissueOf: null, reversalReason: "IBAN closed" })).toBe(
      "reversed (IBAN closed), paid again",
    );
  });
});
