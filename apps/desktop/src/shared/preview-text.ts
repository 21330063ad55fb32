/** A list row's preview of a message: its text, else the file it carries. No imports: the first paint reads it. */
export function previewText(body: string, fileName: string | null): string {
  return body.trim() || (fileName ? `📎 ${fileName}` : '');
}
