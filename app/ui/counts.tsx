/** A row of labelled figures (an import's dry-run report): two per row on phones, `wide` per row from `sm`. */
export function Counts({ items, wide }: { items: Array<[string, number]>; wide: 4 | 5 }) {
  return (
    <dl className={`grid grid-cols-2 gap-2 ${wide === 5 ? "sm:grid-cols-5" : "sm:grid-cols-4"}`}>
      {items.map(([label, value]) => (
        <div key={label} className="rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-800">
          <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
