import { todayUtc } from "../ui/format";

/**
 * The instant a screen's "as of" date stands for: the end of that UTC day (its last second), or now (none) for
 * today and no date. The server refuses a moment in the future, so the date field's problem is shown there.
 */
export function asOfInstant(date: string, today: string = todayUtc()): string | undefined {
  if (!date || date >= today) return undefined;
  return `${date}T23:59:59Z`;
}
