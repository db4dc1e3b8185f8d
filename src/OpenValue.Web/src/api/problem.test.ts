import { ApiError, fieldError, formError } from "./problem";
import { readCookie } from "./client";

const invalid = new ApiError(400, { code: "invalid-quantity", field: "quantity", detail: "Quantity is more than 0." });

test("a problem naming a field is shown at that field and not above the form", () => {
  expect(fieldError(invalid, "quantity")).toBe("Quantity is more than 0.");
  expect(fieldError(invalid, "description")).toBeUndefined();
  expect(formError(invalid, ["quantity", "description"])).toBeUndefined();
});

test("a problem without a field of the form is shown above it", () => {
  const forbidden = new ApiError(403, { code: "role-required", detail: "This needs the reviewer role." });
  expect(formError(forbidden, ["reason"])).toBe("This needs the reviewer role.");
  expect(formError(new TypeError("Failed to fetch"), [])).toMatch(/could not be reached/);
  expect(formError(undefined, [])).toBeUndefined();
});

test("an answer without a body still says what happened", () => {
  expect(ApiError.from(502, undefined).message).toBe("The server answered 502.");
});

test("the CSRF cookie is read by name", () => {
  expect(readCookie("ov_csrf", "a=1; ov_csrf=abc%3D; b=2")).toBe("abc=");
  expect(readCookie("ov_csrf", "a=1")).toBeUndefined();
});
