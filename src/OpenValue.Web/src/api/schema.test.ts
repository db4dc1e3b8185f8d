import { readFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";

// The committed types are what openapi-typescript makes of the committed copy of the served document (whose
// match with the server a browser test checks): a hand edit, or a copy refreshed without regenerating, fails.
test("schema.d.ts is generated from openapi/v1.json", async () => {
  const document = JSON.parse(readFileSync("openapi/v1.json", "utf8"));
  const generated = astToString(await openapiTS(document));
  const committed = readFileSync("src/api/schema.d.ts", "utf8");
  expect(strip(committed)).toBe(strip(generated));
}, 30_000);

// The CLI adds a banner comment that the library call does not.
const strip = (text: string) => text.replace(/^\/\*\*[\s\S]*?\*\/\s*/, "").trim();
