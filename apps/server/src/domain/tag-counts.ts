import { tagReportKey } from '@switchboard/protocol';

/** A tag as agents most often wrote it, and how many conversations carry it in any case. */
export interface TagCount {
  tag: string;
  count: number;
}

/**
 * Tags counted in any case (`Refund` and `refund` are one, keyed by `tagReportKey`), each under the
 * spelling used most (the first in alphabetical order on a tie). A conversation counts once per
 * tag however it spelled it.
 */
export function countTags(tagLists: Iterable<readonly string[]>): Map<string, TagCount> {
  const conversations = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  for (const tags of tagLists) {
    for (const key of new Set(tags.map(tagReportKey)))
      conversations.set(key, (conversations.get(key) ?? 0) + 1);
    for (const tag of tags) {
      const key = tagReportKey(tag);
      const votes = spellings.get(key) ?? new Map<string, number>();
      votes.set(tag, (votes.get(tag) ?? 0) + 1);
      spellings.set(key, votes);
    }
  }
  const counts = new Map<string, TagCount>();
  for (const [key, count] of conversations) {
    const [best] = [...(spellings.get(key) ?? [])].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    counts.set(key, { tag: best?.[0] ?? key, count });
  }
  return counts;
}
