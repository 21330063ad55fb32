import { highlightParts } from '../highlight.js';

/** Text with the words a search matched marked: React sets every part as text. */
export function Marked({ text, q, prefixes }: { text: string; q: string; prefixes: 'last' | 'all' }) {
  return highlightParts(text, q, prefixes).map((part, i) =>
    part.matched ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order
      <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-700/60">
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}
