// Numbers and dates in the user's own formats; the words around them stay English (the pages say
// lang="en"), so a German user reads an English sentence with German dates, never a mixed sentence.
// The user's Dataverse settings come from Xrm.Utility.getGlobalContext().userSettings:
// dateFormattingInfo (the date and time patterns of the user's format settings), languageId (an LCID),
// getTimeZoneOffsetMinutes() (the user's Dataverse time zone, not the browser's).
// https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-utility/getglobalcontext/usersettings
// The number separators are columns of the user's usersettings row (decimalsymbol, numberseparator),
// read once per page with Xrm.WebApi.retrieveRecord:
// https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/usersettings

/** LCIDs of the languages Dataverse ships, mapped to BCP 47 tags for Intl. */
const LCID_TO_LOCALE: Record<number, string> = {
  1025: "ar-SA", 1026: "bg-BG", 1027: "ca-ES", 1028: "zh-TW", 1029: "cs-CZ", 1030: "da-DK", 1031: "de-DE",
  1032: "el-GR", 1033: "en-US", 1035: "fi-FI", 1036: "fr-FR", 1037: "he-IL", 1038: "hu-HU", 1040: "it-IT",
  1041: "ja-JP", 1042: "ko-KR", 1043: "nl-NL", 1044: "nb-NO", 1045: "pl-PL", 1046: "pt-BR", 1048: "ro-RO",
  1049: "ru-RU", 1050: "hr-HR", 1051: "sk-SK", 1053: "sv-SE", 1054: "th-TH", 1055: "tr-TR", 1057: "id-ID",
  1058: "uk-UA", 1060: "sl-SI", 1061: "et-EE", 1062: "lv-LV", 1063: "lt-LT", 1066: "vi-VN", 1069: "eu-ES",
  1081: "hi-IN", 1086: "ms-MY", 1087: "kk-KZ", 1110: "gl-ES", 2052: "zh-CN", 2057: "en-GB", 2070: "pt-PT",
  2074: "sr-Latn-RS", 3076: "zh-HK", 3081: "en-AU", 3082: "es-ES", 3084: "fr-CA", 3098: "sr-Cyrl-RS",
  4105: "en-CA", 2055: "de-CH", 2060: "fr-BE", 2067: "nl-BE", 5129: "en-NZ", 1034: "es-ES", 2058: "es-MX",
};

export function localeFromLcid(lcid: number | null | undefined, fallback?: string): string {
  if (lcid && LCID_TO_LOCALE[lcid]) return LCID_TO_LOCALE[lcid];
  return fallback ?? (typeof navigator !== "undefined" && navigator.language ? navigator.language : "en-US");
}

/** The parts of userSettings.dateFormattingInfo the pages use (.NET date patterns and names). */
export interface DateFormat {
  ShortDatePattern: string;
  ShortTimePattern: string;
  DateSeparator: string;
  TimeSeparator: string;
  AMDesignator?: string;
  AmDesignator?: string;
  PMDesignator?: string;
  PmDesignator?: string;
  AbbreviatedMonthNames: string[];
  MonthNames: string[];
}

/** The user's number separators (usersettings.decimalsymbol and numberseparator). */
export interface NumberFormat {
  decimal: string;
  group: string;
}

export interface UserFormatSettings {
  /** The user's language as a BCP 47 tag: the fallback for formats the host does not give. */
  locale: string;
  /** Minutes to add to UTC to get the user's Dataverse local time; null = the browser's time zone. */
  timeZoneOffsetMinutes: number | null;
  dateFormat?: DateFormat | null;
  numberFormat?: NumberFormat | null;
}

/** Reads the user's settings from Xrm, defensively (any of them may be missing in a host). */
export function userFormatSettings(xrm: Xrm.XrmStatic | undefined | null): UserFormatSettings {
  let lcid: number | undefined;
  let offset: number | null = null;
  let us: Xrm.UserSettings | undefined;
  try {
    us = xrm?.Utility?.getGlobalContext?.()?.userSettings;
  } catch {
    us = undefined; // no global context: the browser's settings
  }
  if (us) {
    lcid = typeof us.languageId === "number" ? us.languageId : undefined;
    try {
      const o = us.getTimeZoneOffsetMinutes();
      if (typeof o === "number" && Number.isFinite(o)) offset = o;
    } catch {
      offset = null; // the browser's time zone
    }
  }
  const df = us?.dateFormattingInfo as unknown as DateFormat | undefined;
  const dateFormat = df && typeof df.ShortDatePattern === "string" && Array.isArray(df.MonthNames) ? df : null;
  return { locale: localeFromLcid(lcid), timeZoneOffsetMinutes: offset, dateFormat, numberFormat: null };
}

const numberFormats = new WeakMap<object, Promise<NumberFormat | null>>();

/** The user's settings with the number separators of their usersettings row (read once per Xrm; none if it cannot be read). */
export async function loadUserFormatSettings(xrm: Xrm.XrmStatic | undefined | null): Promise<UserFormatSettings> {
  const settings = userFormatSettings(xrm);
  if (!xrm) return settings;
  let pending = numberFormats.get(xrm);
  if (!pending) {
    pending = readNumberFormat(xrm);
    numberFormats.set(xrm, pending);
  }
  return { ...settings, numberFormat: await pending };
}

async function readNumberFormat(xrm: Xrm.XrmStatic): Promise<NumberFormat | null> {
  try {
    const userId = (xrm.Utility.getGlobalContext().userSettings.userId ?? "").replace(/[{}]/g, "");
    if (!userId) return null;
    const row = (await xrm.WebApi.retrieveRecord("usersettings", userId, "?$select=decimalsymbol,numberseparator")) as Record<string, unknown>;
    const decimal = row.decimalsymbol;
    const group = row.numberseparator;
    return typeof decimal === "string" && typeof group === "string" && decimal ? { decimal, group } : null;
  } catch {
    return null; // the language's formats
  }
}

export class Formatter {
  readonly locale: string;
  private readonly offset: number | null;
  private readonly dateFormat: DateFormat | null;
  private readonly numberFormat: NumberFormat | null;
  private readonly integer: Intl.NumberFormat;
  private readonly dateFmt: Intl.DateTimeFormat;
  private readonly dateTimeFmt: Intl.DateTimeFormat;
  private readonly shortDateFmt: Intl.DateTimeFormat;

  constructor(settings: UserFormatSettings) {
    this.locale = safeLocale(settings.locale);
    this.offset = settings.timeZoneOffsetMinutes;
    this.dateFormat = settings.dateFormat ?? null;
    this.numberFormat = settings.numberFormat ?? null;
    // With an explicit Dataverse offset, dates are shifted by it and printed as UTC.
    const tz = this.offset === null ? {} : { timeZone: "UTC" };
    // With the user's separators, digits are grouped as in en-US and the separators swapped in.
    this.integer = new Intl.NumberFormat(this.numberFormat ? "en-US" : this.locale, { maximumFractionDigits: 0 });
    this.dateFmt = new Intl.DateTimeFormat(this.locale, { dateStyle: "medium", ...tz });
    this.dateTimeFmt = new Intl.DateTimeFormat(this.locale, { dateStyle: "medium", timeStyle: "short", ...tz });
    this.shortDateFmt = new Intl.DateTimeFormat(this.locale, { day: "numeric", month: "short", ...tz });
  }

  number(n: number | null | undefined): string {
    if (n === null || n === undefined || !Number.isFinite(n)) return "—";
    const text = this.integer.format(n);
    const nf = this.numberFormat;
    return nf ? text.replace(/[,.]/g, (c) => (c === "," ? nf.group : nf.decimal)) : text;
  }

  /** +20, −15. */
  points(n: number): string {
    return n > 0 ? "+" + this.number(n) : n < 0 ? "-" + this.number(-n) : this.number(0);
  }

  /** 0.86 → "86 %" (whole percent). */
  percent(rate: number): string {
    return `${this.number(Math.round(rate * 100))} %`;
  }

  private shift(d: Date): Date {
    return this.offset === null ? d : new Date(d.getTime() + this.offset * 60_000);
  }

  date(value: string | Date | null | undefined): string {
    const d = toDate(value);
    if (!d) return "—";
    return this.dateFormat ? formatPattern(this.dateFormat.ShortDatePattern, this.shift(d), this.dateFormat, this.offset !== null) : this.dateFmt.format(this.shift(d));
  }

  /** A calendar day given as yyyy-MM-dd (no time zone: it is the same day everywhere). */
  day(isoDate: string | null | undefined): string {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate ?? "");
    if (!m) return "—";
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return this.dateFormat
      ? formatPattern(this.dateFormat.ShortDatePattern, d, this.dateFormat, true)
      : new Intl.DateTimeFormat(this.locale, { dateStyle: "medium", timeZone: "UTC" }).format(d);
  }

  dateTime(value: string | Date | null | undefined): string {
    const d = toDate(value);
    if (!d) return "—";
    const f = this.dateFormat;
    return f
      ? `${formatPattern(f.ShortDatePattern, this.shift(d), f, this.offset !== null)} ${formatPattern(f.ShortTimePattern, this.shift(d), f, this.offset !== null)}`
      : this.dateTimeFmt.format(this.shift(d));
  }

  /** Day and month, for the chart's axis. */
  shortDate(value: string | Date | null | undefined): string {
    const d = toDate(value);
    if (!d) return "—";
    const f = this.dateFormat;
    return f ? formatPattern(withoutYear(f.ShortDatePattern), this.shift(d), f, this.offset !== null) : this.shortDateFmt.format(this.shift(d));
  }

  /** "in 4 days", "tomorrow", "today": English, like the sentence around it. */
  inDays(days: number): string {
    return new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(days, "day");
  }
}

/** A .NET custom date/time pattern (d, dd, M, MM, MMM, MMMM, yy, yyyy, h, hh, H, HH, mm, tt, '/', ':', 'quoted'). */
export function formatPattern(pattern: string, d: Date, f: DateFormat, utc: boolean): string {
  const get = {
    y: utc ? d.getUTCFullYear() : d.getFullYear(),
    M: (utc ? d.getUTCMonth() : d.getMonth()) + 1,
    d: utc ? d.getUTCDate() : d.getDate(),
    H: utc ? d.getUTCHours() : d.getHours(),
    m: utc ? d.getUTCMinutes() : d.getMinutes(),
  };
  const two = (n: number) => String(n).padStart(2, "0");
  let out = "";
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === "'" || c === '"') {
      const end = pattern.indexOf(c, i + 1);
      out += pattern.slice(i + 1, end < 0 ? pattern.length : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    switch (c) {
      case "d": out += n === 1 ? String(get.d) : two(get.d); break;
      case "M": out += n === 1 ? String(get.M) : n === 2 ? two(get.M) : n === 3 ? f.AbbreviatedMonthNames[get.M - 1] ?? "" : f.MonthNames[get.M - 1] ?? ""; break;
      case "y": out += n <= 2 ? two(get.y % 100) : String(get.y).padStart(n, "0"); break;
      case "H": out += n === 1 ? String(get.H) : two(get.H); break;
      case "h": out += n === 1 ? String(get.H % 12 || 12) : two(get.H % 12 || 12); break;
      case "m": out += n === 1 ? String(get.m) : two(get.m); break;
      case "t": {
        const t = get.H < 12 ? (f.AMDesignator ?? f.AmDesignator ?? "AM") : (f.PMDesignator ?? f.PmDesignator ?? "PM");
        out += n === 1 ? t.slice(0, 1) : t;
        break;
      }
      case "/": out += f.DateSeparator.repeat(n); break;
      case ":": out += f.TimeSeparator.repeat(n); break;
      case "\\": out += pattern[i] ?? ""; i++; break;
      default: out += c.repeat(n);
    }
  }
  return out;
}

/** The short date pattern without its year: "M/d/yyyy" → "M/d", "dd.MM.yyyy" → "dd.MM", "yyyy-MM-dd" → "MM-dd". */
export function withoutYear(pattern: string): string {
  return pattern.replace(/^y+[^dMy]*|[^dMy]*y+$/g, "") || pattern;
}

export function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function safeLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length ? locale : "en-US";
  } catch {
    return "en-US";
  }
}
