import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { explainLeadScoreRequest, handBackLeadRequest, parseExplanation } from "../../src/shared/api";
import { escapeHtml } from "../../src/shared/dom";
import { Formatter, localeFromLcid, userFormatSettings } from "../../src/shared/format";
import { bandLabel, engagementBands, fitBands, gradeOf } from "../../src/scorecard/grade";
import { normalizeGuid } from "../../src/shared/xrm";

describe("Custom API requests", () => {
  it("builds ls_HandBackLead bound to the lead with the reason", () => {
    const r = handBackLeadRequest("abc", "No budget") as Record<string, unknown> & { getMetadata(): Record<string, unknown> };
    expect(r.entity).toEqual({ entityType: "lead", id: "abc" });
    expect(r.Reason).toBe("No budget");
    expect(r.getMetadata()).toEqual({
      boundParameter: "entity",
      parameterTypes: {
        entity: { typeName: "mscrm.lead", structuralProperty: 5 },
        Reason: { typeName: "Edm.String", structuralProperty: 1 },
      },
      operationType: 0,
      operationName: "ls_HandBackLead",
    });
  });

  it("passes ModelId to ls_ExplainLeadScore as an ls_scoringmodel record", () => {
    const r = explainLeadScoreRequest("abc", { modelId: "m1", top: 0 }) as Record<string, unknown> & { getMetadata(): { parameterTypes: Record<string, unknown> } };
    expect(r.ModelId).toEqual({ "@odata.type": "Microsoft.Dynamics.CRM.ls_scoringmodel", ls_scoringmodelid: "m1" });
    expect(r.Top).toBe(0);
    expect(r.getMetadata().parameterTypes.ModelId).toEqual({ typeName: "mscrm.ls_scoringmodel", structuralProperty: 5 });
  });

  it("parses a sparse explanation with defaults and sorts the history by time", () => {
    const e = parseExplanation(
      JSON.stringify({ score: 5, history: [{ at: "2026-05-02T00:00:00Z", score: 5 }, { at: "bad" }, { at: "2026-05-01T00:00:00Z", score: 2 }] }),
    );
    expect(e.gradeMatrix).toEqual({ fitBands: [60, 30], engagementBands: [80, 40] });
    expect(e.history.map((h) => h.score)).toEqual([2, 5]);
    expect(e.decay).toBeNull();
    expect(e.salesReady).toBe(false);
    expect(() => parseExplanation("[1]")).toThrow();
  });
});

describe("formatting in the user's language", () => {
  it("maps Dataverse LCIDs to locales", () => {
    expect(localeFromLcid(1031)).toBe("de-DE");
    expect(localeFromLcid(1036)).toBe("fr-FR");
    expect(localeFromLcid(99999, "en-GB")).toBe("en-GB");
  });

  it("formats numbers, points and dates per locale and in the user's Dataverse time zone", () => {
    const de = new Formatter({ locale: "de-DE", timeZoneOffsetMinutes: 120 });
    expect(de.number(12345)).toBe("12.345");
    expect(de.points(-30)).toBe("-30");
    expect(de.date("2026-05-28T23:30:00Z")).toBe("29.05.2026"); // UTC+2 is already the next day
    // The sentence around "in 4 days" is English: the words stay English whatever the formats.
    expect(de.inDays(4)).toBe("in 4 days");
    const fr = new Formatter({ locale: "fr-FR", timeZoneOffsetMinutes: 0 });
    expect(fr.number(12345).replace(/\s/g, " ")).toBe("12 345");
    expect(fr.inDays(1)).toBe("tomorrow");
  });

  it("takes dates from the user's dateFormattingInfo and numbers from their separators, not from the UI language", () => {
    const german = { ShortDatePattern: "dd.MM.yyyy", ShortTimePattern: "HH:mm", DateSeparator: ".", TimeSeparator: ":", MonthNames: [], AbbreviatedMonthNames: [] };
    const english = { ShortDatePattern: "M/d/yyyy", ShortTimePattern: "h:mm tt", DateSeparator: "/", TimeSeparator: ":", AMDesignator: "AM", PMDesignator: "PM", MonthNames: [], AbbreviatedMonthNames: [] };
    // An English-speaking user with German formats …
    const a = new Formatter({ locale: "en-US", timeZoneOffsetMinutes: 0, dateFormat: german, numberFormat: { decimal: ",", group: "." } });
    expect(a.date("2026-05-28T09:05:00Z")).toBe("28.05.2026");
    expect(a.dateTime("2026-05-28T15:05:00Z")).toBe("28.05.2026 15:05");
    expect(a.shortDate("2026-05-28T09:05:00Z")).toBe("28.05");
    expect(a.number(12345)).toBe("12.345");
    expect(a.percent(0.86)).toBe("86 %");
    expect(a.day("2026-05-01")).toBe("01.05.2026");
    // … and a German-speaking user with English formats.
    const b = new Formatter({ locale: "de-DE", timeZoneOffsetMinutes: 120, dateFormat: english, numberFormat: { decimal: ".", group: "," } });
    expect(b.date("2026-05-28T23:30:00Z")).toBe("5/29/2026");
    expect(b.dateTime("2026-05-28T13:05:00Z")).toBe("5/28/2026 3:05 PM");
    expect(b.shortDate("2026-05-28T09:05:00Z")).toBe("5/28");
    expect(b.number(12345)).toBe("12,345");
    expect(b.points(-1500)).toBe("-1,500");
  });

  it("reads the user's settings from Xrm and survives a missing global context", () => {
    const xrm = {
      Utility: { getGlobalContext: () => ({ userSettings: { languageId: 1043, isRTL: false, getTimeZoneOffsetMinutes: () => 60 } }) },
    } as unknown as Xrm.XrmStatic;
    expect(userFormatSettings(xrm)).toEqual({ locale: "nl-NL", timeZoneOffsetMinutes: 60, dateFormat: null, numberFormat: null });
    const broken = { Utility: { getGlobalContext: () => { throw new Error("no"); } } } as unknown as Xrm.XrmStatic;
    expect(userFormatSettings(broken).timeZoneOffsetMinutes).toBeNull();
  });
});

describe("grade matrix bands", () => {
  it("derives letters from fit bands and digits from engagement bands", () => {
    expect(gradeOf(65, 47, [60, 30], [80, 40])).toBe("A2");
    expect(gradeOf(30, 80, [60, 30], [80, 40])).toBe("B1");
    expect(gradeOf(0, 0, [30, 60], [40, 80])).toBe("C3");
    expect(fitBands([60, 30]).map((b) => bandLabel(b, String))).toEqual(["≥ 60", "30–59", "< 30"]);
    expect(engagementBands([50]).map((b) => b.code)).toEqual(["1", "2"]);
  });
});

describe("escaping", () => {
  it("escapes HTML special characters", () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe("&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;");
  });

  it("no source file builds HTML from strings", () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(".ts")) files.push(p);
      }
    };
    walk(join(__dirname, "..", "..", "src"));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const src = readFileSync(f, "utf8").replace(/\/\/.*$/gm, "");
      expect(src, f).not.toMatch(/\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/);
    }
  });

  it("normalises GUIDs", () => {
    expect(normalizeGuid("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}")).toBe("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    expect(normalizeGuid("<img>")).toBeNull();
  });
});
