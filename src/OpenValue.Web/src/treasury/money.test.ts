import { formatFine, formatMoney, formatRounding } from "./money";

test("money keeps its exact digits and its currency", () => {
  expect(formatMoney({ amount: "10400.00", currency: "EUR" })).toBe("€10,400.00");
  expect(formatMoney({ amount: "0.01", currency: "EUR" })).toBe("€0.01");
  expect(formatMoney({ amount: "92233720368547758.07", currency: "EUR" })).toBe("€92,233,720,368,547,758.07");
  expect(formatMoney({ amount: "1500", currency: "JPY" })).toBe("¥1,500");
});

test("an amount before rounding and the rounding show six places and a sign", () => {
  expect(formatFine("33.33333333333333333333333334")).toBe("33.333333");
  expect(formatRounding("0.00666666666666666666666666")).toBe("+0.006667");
  expect(formatRounding("-0.00333333333333333333333333")).toBe("-0.003333");
  expect(formatRounding("0")).toBe("0");
});
