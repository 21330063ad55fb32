/** One fact of the visitor panel: a small label above its value. */
export function Row({
  label,
  testId,
  children,
}: {
  label: string;
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="py-1" data-testid={testId}>
      <dt className="text-[11px] uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-sm break-words">{children}</dd>
    </div>
  );
}
