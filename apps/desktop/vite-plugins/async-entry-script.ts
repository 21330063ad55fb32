import type { Plugin } from 'vite';

/**
 * Marks the entry `<script type="module">` async. A plain module script waits for the document to
 * be parsed and for the stylesheets; on a first launch the page spends that wait painting an empty
 * frame. Async, the entry runs as soon as it arrives: the host's boot round trip and the app's
 * import start earlier. The app waits for `#root` itself (see app/dom-ready.ts).
 */
export function asyncEntryScript(): Plugin {
  return {
    name: 'switchboard:async-entry-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const entry = /<script type="module"(?![^>]*\basync\b)([^>]*)>/;
        if (!entry.test(html)) throw new Error('index.html has no module entry script to mark async');
        return html.replace(entry, '<script type="module" async$1>');
      },
    },
  };
}
