/**
 * Row keys of a report grouped by `tag` (`ReportGroupBy`). Schema-free: the workbench's first paint
 * must not load zod. Tags are free text, so a tag's row key is the tag in lower case behind a
 * prefix, which keeps it apart from `total` and from the row of conversations without a tag.
 */
export const UNTAGGED_REPORT_KEY = 'untagged';

export function tagReportKey(tag: string): string {
  return `tag:${tag.toLowerCase()}`;
}
