import { useState } from "react";

/** Previous / next over pages of a list; nothing when everything fits on one page. */
export function Pager({
  label,
  page,
  pages,
  onPage,
}: {
  label: string;
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="pager">
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        Previous
      </button>
      <span>
        Page {page} of {pages}
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        Next
      </button>
    </nav>
  );
}

/** The number of pages for a total the server counted (a JSON number, or a string for a 64-bit count). */
export const pagesOf = (total: number | string, pageSize: number) => Math.max(1, Math.ceil(Number(total) / pageSize));

/** One page of a list the server sent whole (lines, payouts, members), so the page holds at most `size` rows. */
export function usePage<T>(items: readonly T[], size: number) {
  const [page, setPage] = useState(1);
  const pages = pagesOf(items.length, size);
  const current = Math.min(page, pages);
  return { rows: items.slice((current - 1) * size, current * size), page: current, pages, setPage };
}
