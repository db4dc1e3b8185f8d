import { render, screen } from "@testing-library/react";
import { ApiError } from "../api/problem";
import { Field } from "./Field";

const problem = new ApiError(400, { code: "invalid-quantity", field: "quantity", detail: "Quantity is more than 0." });

test("the field a problem names is marked invalid and says why", () => {
  render(<Field label="Quantity" field="quantity" error={problem} defaultValue="0" />);
  const input = screen.getByRole("textbox", { name: "Quantity" });
  expect(input.getAttribute("aria-invalid")).toBe("true");
  expect(input.getAttribute("aria-describedby")).toBeTruthy();
  expect(document.getElementById(input.getAttribute("aria-describedby")!)?.textContent).toBe(
    "Quantity is more than 0.",
  );
});

test("another field stays as it was", () => {
  render(<Field label="Description" field="description" error={problem} hint="What you did." />);
  const input = screen.getByRole("textbox", { name: "Description" });
  expect(input.getAttribute("aria-invalid")).toBeNull();
  expect(screen.queryByText("Quantity is more than 0.")).toBeNull();
  expect(input.getAttribute("aria-describedby")).toMatch(/-hint$/);
});
