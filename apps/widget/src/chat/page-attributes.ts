import type { VisitorAttributes } from '@switchboard/protocol';
import type { CustomAttributes } from '../shared/host.js';

const SAFE_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The address if it is http(s) and within the protocol's 2048 characters (`HttpUrl`). */
export function httpUrl(value: string): string | undefined {
  return /^https?:\/\//i.test(value) && value.length <= 2048 ? value : undefined;
}

/**
 * What the widget tells routing and agents about the visitor's context, trimmed to the protocol's
 * limits so that `conversation:open` is never refused for a long title or an odd attribute.
 */
export function pageAttributes(custom: CustomAttributes): VisitorAttributes {
  const entries = Object.entries(custom)
    .filter(
      ([key, value]) =>
        SAFE_KEY.test(key) &&
        key !== 'constructor' &&
        key !== 'prototype' &&
        (typeof value !== 'number' || Number.isFinite(value)),
    )
    .slice(0, 30)
    .map(([key, value]) => [key, typeof value === 'string' ? value.slice(0, 500) : value] as const);
  const attributes: VisitorAttributes = {};
  const pageUrl = httpUrl(window.location.href);
  if (pageUrl) attributes.pageUrl = pageUrl;
  if (document.title) attributes.pageTitle = document.title.slice(0, 300);
  const referrer = httpUrl(document.referrer);
  if (referrer) attributes.referrer = referrer;
  if (LANGUAGE.test(navigator.language) && navigator.language.length <= 35)
    attributes.language = navigator.language;
  if (entries.length > 0) attributes.custom = Object.fromEntries(entries);
  return attributes;
}
