// Numbers and dates in the user's language. The user's Dataverse settings come from
// Xrm.Utility.getGlobalContext().userSettings: languageId (an LCID), isRTL and
// getTimeZoneOffsetMinutes() (the user's Dataverse time zone, not the browser's).
// https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-utility/getglobalcontext/usersettings

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

export interface UserFormatSettings {
  locale: string;
  /** Minutes to add to UTC to get the user's Dataverse local time; null = the browser's time zone. */
  timeZoneOffsetMinutes: number | null;
  rtl: boolean;
}

/** Reads the user's settings from Xrm, defensively (any of them may be missing in a host). */
export function userFormatSettings(xrm: Xrm.XrmStatic | undefined | null): UserFormatSettings {
  let lcid: number | undefined;
  let offset: number | null = null;
  let rtl = false;
  let us: Xrm.UserSettings | undefined;
  try {
    us = xrm?.Utility?.getGlobalContext?.()?.userSettings;
  } catch {
    us = undefined; // no global context: the browser's settings
  }
  if (us) {
    lcid = typeof us.languageId === "number" ? us.languageId : undefined;
    rtl = !!us.isRTL;
    try {
      const o = us.getTimeZoneOffsetMinutes();
      if (typeof o === "number" && Number.isFinite(o)) offset = o;
    } catch {
      offset = null; // the browser's time zone
    }
  }
  return { locale: localeFromLcid(lcid), timeZoneOffsetMinutes: offset, rtl };
}

export class Formatter {
  readonly locale: string;
  private readonly offset: number | null;
  private readonly integer: Intl.NumberFormat;
  private readonly signed: Intl.NumberFormat;
  private readonly dateFmt: Intl.DateTimeFormat;
  private readonly dateTimeFmt: Intl.DateTimeFormat;
  private readonly shortDateFmt: Intl.DateTimeFormat;

  constructor(settings: UserFormatSettings) {
    this.locale = safeLocale(settings.locale);
    this.offset = settings.timeZoneOffsetMinutes;
    // With an explicit Dataverse offset, dates are shifted by it and printed as UTC.
    const tz = this.offset === null ? {} : { timeZone: "UTC" };
    this.integer = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 });
    this.signed = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0, signDisplay: "exceptZero" });
    this.dateFmt = new Intl.DateTimeFormat(this.locale, { dateStyle: "medium", ...tz });
    this.dateTimeFmt = new Intl.DateTimeFormat(this.locale, { dateStyle: "medium", timeStyle: "short", ...tz });
    this.shortDateFmt = new Intl.DateTimeFormat(this.locale, { day: "numeric", month: "short", ...tz });
  }

  number(n: number | null | undefined): string {
    return n === null || n === undefined || !Number.isFinite(n) ? "—" : this.integer.format(n);
  }

  /** +20, −15 (with the locale's signs). */
  points(n: number): string {
    return this.signed.format(n);
  }

  private shift(d: Date): Date {
    return this.offset === null ? d : new Date(d.getTime() + this.offset * 60_000);
  }

  date(value: string | Date | null | undefined): string {
    const d = toDate(value);
    return d ? this.dateFmt.format(this.shift(d)) : "—";
  }

  dateTime(value: string | Date | null | undefined): string {
    const d = toDate(value);
    return d ? this.dateTimeFmt.format(this.shift(d)) : "—";
  }

  shortDate(value: string | Date | null | undefined): string {
    const d = toDate(value);
    return d ? this.shortDateFmt.format(this.shift(d)) : "—";
  }

  /** "in 4 days", "tomorrow", "today" in the user's language. */
  inDays(days: number): string {
    return new Intl.RelativeTimeFormat(this.locale, { numeric: "auto" }).format(days, "day");
  }
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
