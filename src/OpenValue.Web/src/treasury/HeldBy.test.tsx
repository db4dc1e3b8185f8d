import { render, screen } from "@testing-library/react";
import { ApiError } from "../api/problem";
import { HeldBy } from "./IncomeList";

const held = new ApiError(409, {
  code: "income-distributed",
  detail: "The pool no longer holds this income undistributed.",
  distributionIds: ["01a2-aaaa-bbbbcccc", "01a2-dddd-eeeeffff"],
} as never);

test("a reversal refused because the money was distributed links to the distributions holding it", () => {
  render(<HeldBy error={held} networkId="n1" />);
  const links = screen.getAllByRole("link");
  expect(links.map((l) => l.getAttribute("href"))).toEqual([
    "/app/n/n1/distributions/01a2-aaaa-bbbbcccc",
    "/app/n/n1/distributions/01a2-dddd-eeeeffff",
  ]);
  expect(screen.getByRole("list", { name: "Distributions holding this income" })).toBeTruthy();
});

test("any other problem links to nothing", () => {
  const { container } = render(<HeldBy error={new ApiError(400, { code: "invalid-reason" })} networkId="n1" />);
  expect(container.innerHTML).toBe("");
});
