/**
 * Simplified → Traditional conversion of whole rendered pages (the 简体/繁體 switch), with opencc-js: OpenCC's
 * standard Traditional characters, without regional phrase substitution, so legal terms keep their wording
 * (政府信息公開, not Taiwan's 政府資訊公開). Form values and textarea contents are left as stored so that
 * a clerk working in 繁體 does not silently rewrite records when saving a form.
 */
import * as OpenCC from 'opencc-js';

const toTraditional: (text: string) => string = OpenCC.Converter({ from: 'cn', to: 't' });
// Input may come from any Traditional-script keyboard: Taiwan variants convert back too.
const toSimplified: (text: string) => string = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Convert plain text to Traditional characters. */
export function traditional(text: string): string {
  return toTraditional(text);
}

/** Convert plain text to Simplified characters (used before indexing and matching). */
export function simplified(text: string): string {
  return toSimplified(text);
}

// Protected regions: <textarea>…</textarea>, <script>…</script>, <style>…</style> and value="…" attributes.
const PROTECTED = /<textarea\b[^>]*>[\s\S]*?<\/textarea>|<script\b[^>]*>[\s\S]*?<\/script>|<style\b[^>]*>[\s\S]*?<\/style>|\svalue="[^"]*"/gi;
const HAN = /[\u3400-\u9fff]/;

/** Convert a rendered HTML page to Traditional, keeping user-editable values untouched. */
export function traditionalHtml(html: string): string {
  let out = '';
  let last = 0;
  for (const match of html.matchAll(PROTECTED)) {
    const start = match.index;
    const chunk = html.slice(last, start);
    out += HAN.test(chunk) ? toTraditional(chunk) : chunk;
    const region = match[0];
    // A textarea's opening tag may carry Chinese attributes (aria-label); convert only the tag itself.
    if (/^<textarea/i.test(region)) {
      const tagEnd = region.indexOf('>') + 1;
      out += toTraditional(region.slice(0, tagEnd)) + region.slice(tagEnd);
    } else {
      out += region;
    }
    last = start + region.length;
  }
  const rest = html.slice(last);
  out += HAN.test(rest) ? toTraditional(rest) : rest;
  return out;
}
