import { describe, expect, it } from "vitest";
import { asOfInstant } from "./asOf";

describe("asOfInstant", () => {
  it("is the last second of a past UTC day", () => {
    expect(asOfInstant("2026-11-20", "2026-12-01")).toBe("2026-11-20T23:59:59Z");
  });
  it("is now (undefined) for today, no date, and a later date, which the date field does not offer", () => {
    expect(asOfInstant("2026-12-01", "2026-12-01")).toBeUndefined();
    expect(asOfInstant("", "2026-12-01")).toBeUndefined();
    expect(asOfInstant("2026-12-05", "2026-12-01")).toBeUndefined();
  });
});
