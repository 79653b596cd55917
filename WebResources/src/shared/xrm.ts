// How the HTML web resources reach the Client API.
//
// Microsoft documents that "the Xrm object isn't available in HTML web resources ... parent.Xrm.* will
// work if the HTML web resource is loaded in a form container"
// (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-navigation/openwebresource),
// and that a form script can hand Xrm and the form context to the web resource through
// getContentWindow() (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/controls/getcontentwindow).
// The pages take Xrm from that call when it comes, else from parent.Xrm (a form or a dialog in the app).

/** Xrm of the parent window (the app), or undefined when the page runs on its own. */
export function parentXrm(win: Window): Xrm.XrmStatic | undefined {
  try {
    const p = win.parent as unknown as { Xrm?: Xrm.XrmStatic } | null;
    if (p && p !== (win as unknown) && p.Xrm) return p.Xrm;
  } catch {
    // a cross-origin parent: no Xrm
  }
  const own = (win as unknown as { Xrm?: Xrm.XrmStatic }).Xrm;
  return own;
}

/**
 * The query-string parameters Dataverse passes to HTML web resources
 * (https://learn.microsoft.com/power-apps/developer/model-driven-apps/webpage-html-web-resources, "Pass
 * parameters to HTML web resources"): id, typename, userlcid, orglcid, and the single free-form `data`.
 */
export function pageParameters(win: Window): URLSearchParams {
  return new URLSearchParams(win.location.search);
}

/** The `data` parameter, read as key=value pairs ("modelid=...&x=..."); a bare value is returned as `value`. */
export function dataParameters(win: Window): URLSearchParams {
  const raw = pageParameters(win).get("data") ?? "";
  if (!raw) return new URLSearchParams();
  if (raw.includes("=")) return new URLSearchParams(raw);
  const p = new URLSearchParams();
  p.set("value", raw);
  return p;
}

/** A GUID without braces, lower case; null when the text is not a GUID. */
export function normalizeGuid(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/.exec(text.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/** The message of a Client API error ({errorCode, message}) or of anything thrown. */
export function errorMessage(e: unknown): string {
  if (e && typeof e === "object" && "message" in e && typeof (e as { message: unknown }).message === "string") {
    return (e as { message: string }).message;
  }
  return String(e);
}
