// Light or dark, as the app around the page is. A web resource runs in an iframe of the model-driven
// app and gets no documented theme setting, so the page looks at what it can see: the background of the
// page hosting it (same origin: web resources are served by the org), else the browser's
// prefers-color-scheme. The CSS holds the dark tokens under :root[data-theme="dark"]; under forced
// colours (Windows high contrast) the CSS uses system colours whatever the theme.

/** Relative luminance of an "rgb(…)"/"rgba(…)" colour (WCAG 2.1), or null for a transparent or unknown one. */
export function luminance(color: string): number | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,/\s]+([\d.]+))?/.exec(color);
  if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return null;
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(Number(m[1])) + 0.7152 * lin(Number(m[2])) + 0.0722 * lin(Number(m[3]));
}

/** True when the page hosting this one paints a dark background. */
export function hostIsDark(win: Window): boolean | null {
  try {
    if (win.parent === win) return null;
    const doc = win.parent.document;
    for (const el of [doc.body, doc.documentElement]) {
      if (!el) continue;
      const l = luminance(win.parent.getComputedStyle(el).backgroundColor);
      if (l !== null) return l < 0.2;
    }
  } catch {
    // a cross-origin host: fall back to the browser's setting
  }
  return null;
}

/** Sets data-theme="dark" or "light" on the page's root element. */
export function applyHostTheme(win: Window): "dark" | "light" {
  const dark = hostIsDark(win) ?? (typeof win.matchMedia === "function" && win.matchMedia("(prefers-color-scheme: dark)").matches);
  const theme = dark ? "dark" : "light";
  win.document.documentElement.dataset.theme = theme;
  return theme;
}
