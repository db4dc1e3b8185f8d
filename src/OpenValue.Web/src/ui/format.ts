// Exact decimals arrive as strings and are formatted as strings: Intl.NumberFormat reads a decimal string
// without turning it into a float first, so "0.1" + formatting never shows 0.1000000000000000055.
const points = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

type Decimal = `${number}` | string;

export const formatPoints = (value: Decimal) => points.format(value as Intl.StringNumericLiteral);
export const formatPercent = (value: Decimal) => `${percent.format(value as Intl.StringNumericLiteral)} %`;
export const formatDate = (isoDate: unknown) => date.format(new Date(String(isoDate)));
export const formatInstant = (instant: unknown) => `${dateTime.format(new Date(String(instant)))} UTC`;

/** Today's date in UTC as the API's dates are (YYYY-MM-DD): the server refuses a claim dated after it. */
export const todayUtc = (now: Date = new Date()) => now.toISOString().slice(0, 10);
