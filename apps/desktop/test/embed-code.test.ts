import { describe, expect, it } from 'vitest';
import { embedCode } from '../src/renderer/features/admin/embed-code.js';

const id = '608cb4d7-a071-49c0-a4f8-caa7127fd337';

describe("a widget's embed code", () => {
  it('loads widget.js from the origin of the server signed in to', () => {
    expect(embedCode('https://chat.example.com', id)).toBe(
      `<script src="https://chat.example.com/widget.js" data-widget="${id}" async></script>`,
    );
    expect(embedCode('http://10.0.0.5:3000/', id)).toContain('src="http://10.0.0.5:3000/widget.js"');
  });

  it('cannot be broken out of by the address', () => {
    const code = embedCode('https://chat.example.com/"><img src=x onerror=alert(1)>', id);
    expect(code).toBe(`<script src="https://chat.example.com/widget.js" data-widget="${id}" async></script>`);
  });
});
