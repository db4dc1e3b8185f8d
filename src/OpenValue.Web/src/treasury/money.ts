// Money arrives as {"amount": "12.34", "currency": "EUR"} with exactly the currency's decimals. The amount string
// is formatted as it is (Intl.NumberFormat reads a decimal string without a float), never added or rounded here.
const formats = new Map<string, Intl.NumberFormat>();

export interface Money {
  amount: string;
  currency: string;
}

export function formatMoney(money: Money): string {
  let format = formats.get(money.currency);
  if (!format) {
    format = new Intl.NumberFormat("en", { style: "currency", currency: money.currency });
    formats.set(money.currency, format);
  }
  return format.format(money.amount as Intl.StringNumericLiteral);
}

const fine = new Intl.NumberFormat("en", { maximumFractionDigits: 6 });
const signed = new Intl.NumberFormat("en", { maximumFractionDigits: 6, signDisplay: "exceptZero" });

/** A decimal the server computed past the currency's decimals (an amount before rounding), to 6 places. */
export const formatFine = (value: string) => fine.format(value as Intl.StringNumericLiteral);
/** What rounding added to a line (+) or took from it (−), to 6 places. */
export const formatRounding = (value: string) => signed.format(value as Intl.StringNumericLiteral);
