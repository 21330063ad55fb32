/** Tags as an agent types them: comma-separated, trimmed, each once, at most ten (the server's limit). */
export function tagList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 10);
}

/** The text with `tag` added, unless it holds it already (in any case, as reports count tags). */
export function withTag(text: string, tag: string): string {
  const tags = tagList(text);
  if (tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return text;
  return [...tags, tag].join(', ');
}
