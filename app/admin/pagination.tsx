import Link from "next/link";

/** Previous/next links that keep the other query parameters (search state lives in the URL). */
export function Pagination({ basePath, page, pageCount, params = {} }: { basePath: string; page: number; pageCount: number; params?: Record<string, string> }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const query = new URLSearchParams({ ...params, page: String(target) });
    return `${basePath}?${query.toString()}`;
  };
  return (
    <nav aria-label="Pages" className="flex items-center justify-between px-6 py-3 text-sm">
      {page > 1 ? <Link href={href(page - 1)} className="btn-ghost" rel="prev">Previous</Link> : <span />}
      <span className="text-slate-500 dark:text-slate-400">Page {page} of {pageCount}</span>
      {page < pageCount ? <Link href={href(page + 1)} className="btn-ghost" rel="next">Next</Link> : <span />}
    </nav>
  );
}
