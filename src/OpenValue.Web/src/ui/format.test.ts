import { formatDate, formatPercent, formatPoints, todayUtc } from "./format";

test("points keep their exact digits up to two decimals", () => {
  expect(formatPoints("1250")).toBe("1,250");
  expect(formatPoints("7.828427124746190098")).toBe("7.83");
  expect(formatPoints("123456789012345678.25")).toBe("123,456,789,012,345,678.25");
});

test("percentages always show two decimals", () => {
  expect(formatPercent("96.15")).toBe("96.15 %");
  expect(formatPercent("100")).toBe("100.00 %");
});

test("dates are shown in UTC, as the server keeps them", () => {
  expect(formatDate("2026-11-20")).toBe("Nov 20, 2026");
  expect(todayUtc(new Date("2026-11-30T23:30:00-02:00"))).toBe("2026-12-01");
});
