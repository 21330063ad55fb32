/** The chat panel's CSS, added to the loader's shadow root. Explicit sizes: nothing is inherited from the page. */
export const chatCss = `
.sb-panel{position:fixed;bottom:88px;right:20px;z-index:2147483647;width:370px;height:min(600px,calc(100vh - 108px));display:flex;flex-direction:column;background:#fff;color:#111827;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.28);overflow:hidden;font:400 14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei",sans-serif}
.sb-left .sb-panel{right:auto;left:20px}
.sb-panel[hidden]{display:none}
:where(.sb-panel) :where(button,input,select,textarea){font:inherit;color:inherit;margin:0}
.sb-header{display:flex;align-items:center;gap:10px;padding:12px 12px 12px 16px;background:var(--sb-color);color:#fff;flex:none}
.sb-avatar{width:36px;height:36px;border-radius:18px;background:rgba(255,255,255,.25);display:flex;align-items:center;justify-content:center;font-weight:700;font-size:15px;flex:none}
.sb-titles{flex:1;min-width:0}
.sb-title{font-size:16px;font-weight:600;line-height:20px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.sb-subtitle{font-size:12px;line-height:16px;opacity:.9}
.sb-icon{width:34px;height:34px;border:0;border-radius:8px;background:transparent;color:#fff;cursor:pointer;padding:0;flex:none;display:flex;align-items:center;justify-content:center}
.sb-icon:hover{background:rgba(255,255,255,.18)}
.sb-icon[hidden]{display:none}
.sb-panel :focus-visible{outline:2px solid #111827;outline-offset:2px}
.sb-header :focus-visible{outline-color:#fff}
.sb-banner{padding:8px 16px;font-size:13px;background:#fef3c7;color:#78350f;flex:none}
.sb-banner.sb-info{background:#eff6ff;color:#1e3a8a}
.sb-banner[hidden]{display:none}
.sb-link{border:0;background:none;padding:0;text-decoration:underline;cursor:pointer;color:inherit;min-height:24px}
.sb-banner .sb-link{display:block;margin-top:2px}
.sb-form .sb-link{align-self:center}
.sb-body{flex:1;overflow-y:auto;padding:16px;background:#f9fafb;display:flex;flex-direction:column;gap:8px}
.sb-log,.sb-pending{display:flex;flex-direction:column;gap:8px}
.sb-msg{max-width:82%;padding:8px 12px;border-radius:14px;background:#fff;border:1px solid #e5e7eb;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}
.sb-msg.sb-own{align-self:flex-end;background:var(--sb-color);color:#fff;border-color:transparent}
.sb-msg.sb-system{align-self:center;background:transparent;border:0;color:#6b7280;font-size:12px;text-align:center}
.sb-msg.sb-pending-msg{opacity:.75}
.sb-msg.sb-failed{background:#fee2e2;color:#7f1d1d}
.sb-name{display:block;font-size:12px;font-weight:600;color:#374151;margin-bottom:2px}
.sb-via{display:block;font-size:11px;opacity:.85;margin-top:2px;text-align:right}
.sb-receipt{display:block;font-size:11px;opacity:.85;margin-top:2px;text-align:right}
.sb-receipt button{border:0;background:none;padding:0;margin-left:6px;text-decoration:underline;cursor:pointer;color:inherit;font-size:11px}
.sb-thumb{display:block;max-width:100%;max-height:180px;border-radius:8px;margin-top:4px}
.sb-file{display:inline-block;margin-top:4px;padding:4px 8px;border-radius:6px;background:rgba(0,0,0,.06);color:inherit;border:0;cursor:pointer;text-decoration:underline}
.sb-typing{font-size:12px;color:#6b7280;min-height:16px}
.sb-footer{flex:none;border-top:1px solid #e5e7eb;background:#fff}
.sb-composer{display:flex;align-items:flex-end;gap:6px;padding:10px}
.sb-composer textarea{flex:1;resize:none;min-height:40px;max-height:120px;padding:9px 10px;border:1px solid #d1d5db;border-radius:10px;background:#fff;line-height:20px}
.sb-btn{min-height:40px;padding:0 14px;border:0;border-radius:10px;background:var(--sb-color);color:#fff;font-weight:600;cursor:pointer}
.sb-btn:disabled{opacity:.5;cursor:default}
.sb-btn.sb-secondary{background:#e5e7eb;color:#111827}
.sb-attach{width:40px;height:40px;border:1px solid #d1d5db;border-radius:10px;background:#fff;cursor:pointer;padding:0;color:#374151;display:flex;align-items:center;justify-content:center;flex:none}
.sb-chip{display:flex;align-items:center;gap:8px;padding:8px 10px 0;font-size:12px;color:#374151}
.sb-chip img{width:40px;height:40px;object-fit:cover;border-radius:6px}
.sb-chip button{border:0;background:#e5e7eb;border-radius:6px;padding:2px 8px;cursor:pointer}
.sb-error{color:#b91c1c;font-size:12px;padding:0 10px 8px}
.sb-error:empty{display:none}
.sb-draft-shared{margin:0;padding:0 10px 8px;font-size:11px;color:#6b7280}
.sb-form{display:flex;flex-direction:column;gap:10px;padding:16px;overflow-y:auto}
.sb-form h2{font-size:16px;line-height:22px;font-weight:600;margin:0}
.sb-form p{margin:0;color:#4b5563}
.sb-field{display:flex;flex-direction:column;gap:4px}
.sb-field label{font-size:13px;font-weight:600;color:#374151}
.sb-field input,.sb-field select,.sb-field textarea{width:100%;padding:8px 10px;border:1px solid #d1d5db;border-radius:8px;background:#fff;line-height:20px;min-height:38px}
.sb-field textarea{min-height:80px;resize:vertical}
.sb-field [aria-invalid=true]{border-color:#dc2626}
.sb-field-error{font-size:12px;color:#b91c1c}
.sb-field-error:empty{display:none}
.sb-card{align-self:stretch;background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:12px;display:flex;flex-direction:column;gap:8px}
.sb-stars{display:flex;gap:4px}
.sb-star{width:36px;height:36px;border:1px solid #d1d5db;border-radius:8px;background:#fff;cursor:pointer;font-size:20px;line-height:34px;padding:0;color:#9ca3af}
.sb-star[aria-checked=true],.sb-star.sb-lit{color:#f59e0b;border-color:#f59e0b}
.sb-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.sb-panel{inset:0;width:100%;height:100%;max-height:none;border-radius:0;bottom:0;right:0;left:0}.sb-open .sb-launcher{display:none}.sb-composer textarea,.sb-field input,.sb-field select,.sb-field textarea{font-size:16px}}
`;
