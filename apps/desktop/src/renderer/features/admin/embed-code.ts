/**
 * The tag a site pastes into its pages to load the widget. The script's own origin is the server
 * the widget talks to (see the README's "Widget"), so it is the address the admin signed in to.
 */
export function embedCode(serverUrl: string, widgetId: string): string {
  const script = new URL('/widget.js', serverUrl).href;
  return `<script src="${script}" data-widget="${widgetId}" async></script>`;
}
