/**
 * The loader's CSS, inside the shadow root. `:host { all: initial !important }` wins over any host
 * page rule (important declarations of the inner context win), and every size is explicit, so
 * nothing of the page's CSS reaches the widget and none of ours leaks out.
 */
export const loaderCss = `
:host{all:initial!important;display:block!important;position:static!important}
.sb-root{--sb-color:#2563eb;font:400 14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei",sans-serif;color:#111827;letter-spacing:normal;text-transform:none;text-align:left;direction:ltr}
.sb-root *,.sb-root *::before,.sb-root *::after{box-sizing:border-box}
.sb-launcher{position:fixed;bottom:20px;right:20px;z-index:2147483646;width:56px;height:56px;margin:0;padding:0;border:0;border-radius:28px;background:var(--sb-color);color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center}
.sb-left .sb-launcher{right:auto;left:20px}
.sb-launcher:focus-visible{outline:3px solid #111827;outline-offset:3px}
.sb-launcher svg{width:26px;height:26px;fill:currentColor}
.sb-badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 6px;border-radius:10px;background:#dc2626;color:#fff;font:700 12px/20px system-ui,sans-serif;text-align:center}
.sb-badge[hidden]{display:none}
.sb-open .sb-launcher .sb-badge{display:none}
`;
