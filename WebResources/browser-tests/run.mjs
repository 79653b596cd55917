// Real-browser tests: headless Chromium from Debian's package, driven by playwright-core, loading the
// built web resources from a local static server inside fake model-driven app pages that provide
// parent.Xrm and a form context. Screenshots go to test-output/ (git-ignored).
// Usage: node browser-tests/run.mjs [--results FILE]
// Prints "N passed, M failed" and exits non-zero when a test fails.
import { chromium } from "playwright-core";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "test-output");
mkdirSync(out, { recursive: true });
const resultsArg = process.argv.indexOf("--results");
const resultsFile = resultsArg > 0 ? process.argv[resultsArg + 1] : join(out, "browser-results.json");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const NOW = new Date("2026-05-24T12:00:00Z");
const SALES_READY_LEAD = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
const DRAFT_MODEL = "22222222-2222-4222-8222-222222222222";

if (!existsSync(join(root, "dist", "ls_", "html", "scorecard.html"))) {
  console.error("dist/ is missing: run `npm run build` first");
  process.exit(2);
}

// ---- a minimal runner -------------------------------------------------------------------------
const tests = [];
const test = (name, fn) => tests.push({ name, fn });
class AssertionError extends Error {}
function expect(actual, label = "value") {
  const fail = (msg) => {
    throw new AssertionError(`${label}: ${msg}`);
  };
  return {
    toBe: (e) => actual === e || fail(`expected ${JSON.stringify(e)}, got ${JSON.stringify(actual)}`),
    toContain: (e) => (actual ?? "").includes(e) || fail(`expected to contain ${JSON.stringify(e)}, got ${JSON.stringify(actual)}`),
    toMatch: (re) => re.test(actual ?? "") || fail(`expected to match ${re}, got ${JSON.stringify(actual)}`),
    toBeAtMost: (e) => actual <= e || fail(`expected ≤ ${e}, got ${actual}`),
    toBeAtLeast: (e) => actual >= e || fail(`expected ≥ ${e}, got ${actual}`),
    toEqual: (e) => JSON.stringify(actual) === JSON.stringify(e) || fail(`expected ${JSON.stringify(e)}, got ${JSON.stringify(actual)}`),
  };
}

// ---- helpers ----------------------------------------------------------------------------------
let origin;
let context;

async function newPage(viewport = { width: 1280, height: 900 }) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.clock.setFixedTime(NOW);
  const problems = { dialogs: [], errors: [], badRequests: [] };
  page.on("dialog", async (d) => {
    problems.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on("pageerror", (e) => problems.errors.push(String(e)));
  page.on("request", (r) => {
    const u = new URL(r.url());
    // An <img src=x> made from data would request /…/x; anything off this server is a run-time fetch.
    if (u.origin !== origin || /\/x$/.test(u.pathname)) problems.badRequests.push(r.url());
  });
  page.problems = problems;
  return page;
}

async function expectClean(page) {
  expect(await page.evaluate(() => window.fakeServer?.refused ?? []), "requests the Custom API contract refuses").toEqual([]);
  expect(page.problems.dialogs, "alert/confirm dialogs opened by the page").toEqual([]);
  expect(page.problems.errors, "uncaught page errors").toEqual([]);
  expect(page.problems.badRequests, "unexpected requests").toEqual([]);
}

async function openForm(page, { scenario, width, lcid = 1033 }) {
  await page.goto(`${origin}/host/form.html?scenario=${scenario}&width=${width}&lcid=${lcid}`);
  await page.waitForFunction(() => window.formReady || window.formError, null, { timeout: 10_000 });
  const err = await page.evaluate(() => window.formError);
  if (err) throw new Error("form host failed: " + err);
  const card = page.frameLocator("#WebResource_ls_scorecard");
  await card.locator('[data-testid="score"]').waitFor({ timeout: 10_000 });
  await fitCard(page);
  return card;
}

/** Reads a measurement until it is ready (at most 5 s), then returns the last reading. */
async function settled(read, ready) {
  let value = await read();
  for (let i = 0; i < 50 && !ready(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** Sizes the card's iframe to its content, as a form section tall enough for it would. */
async function fitCard(page) {
  await page.evaluate(() => {
    const f = document.getElementById("WebResource_ls_scorecard");
    f.style.height = f.contentDocument.documentElement.scrollHeight + 4 + "px";
  });
}

const shot = (page, name) => page.screenshot({ path: join(out, name), fullPage: true });

// ---- tests ------------------------------------------------------------------------------------
test("score card: sales-ready lead on a narrow form section", async () => {
  const page = await newPage({ width: 420, height: 900 });
  const card = await openForm(page, { scenario: "salesready", width: 340 });
  expect(await card.locator('[data-testid="score"]').textContent(), "score").toBe("112");
  expect(await card.locator('[data-testid="fit"]').textContent(), "fit").toBe("65");
  expect(await card.locator('[data-testid="engagement"]').textContent(), "engagement").toBe("47");
  expect(await card.locator('[data-testid="stage"]').textContent(), "stage").toBe("Marketing Qualified");
  expect(await card.locator('[data-testid="sales-ready"]').textContent(), "badge").toBe("Sales-ready");
  expect(await card.locator('.grade-matrix td[aria-current="true"]').getAttribute("data-grade"), "grade cell").toBe("A2");
  expect(await card.locator(".reason.up").count(), "positive reasons").toBe(3);
  expect(await card.locator(".reason.down").count(), "negative reasons").toBe(3);
  expect(await card.locator("svg.chart line.threshold").count(), "sales-ready line").toBe(1);
  expect(await card.locator("svg.chart circle.dot").count(), "chart points").toBe(8);
  // Nothing overflows the narrow section horizontally.
  const overflow = await card.locator("body").evaluate((b) => b.scrollWidth - b.clientWidth);
  expect(overflow, "horizontal overflow (px)").toBeAtMost(0);
  const svgWidth = Number(await card.locator("svg.chart").getAttribute("width"));
  expect(svgWidth, "chart width").toBeAtMost(340);
  // One column at this width.
  const cols = await card.locator(".card-grid").evaluate((g) => getComputedStyle(g).gridTemplateColumns.split(" ").length);
  expect(cols, "grid columns").toBe(1);
  // The form shows the sales-ready notification.
  const notes = await page.evaluate(() => window.notifications());
  expect(notes.length, "form notifications").toBe(1);
  expect(notes[0].message, "notification").toContain("Sales-ready: score 112 (sales-ready threshold 100), grade A2.");
  await expectClean(page);
  await shot(page, "scorecard-salesready-narrow.png");
  await page.close();
});

test("score card: sales-ready lead on a wide form section", async () => {
  const page = await newPage({ width: 1100, height: 800 });
  const card = await openForm(page, { scenario: "salesready", width: 1000 });
  const cols = await card.locator(".card-grid").evaluate((g) => getComputedStyle(g).gridTemplateColumns.split(" ").length);
  expect(cols, "grid columns").toBe(2);
  // Measured once layout has settled: on a loaded machine the first reading can fall mid-layout (box 0 px).
  const { svgWidth, box } = await settled(async () => ({
    svgWidth: Number(await card.locator("svg.chart").getAttribute("width")),
    box: await card.locator(".chart-box").evaluate((b) => b.clientWidth),
  }), (m) => m.box > 0 && m.svgWidth > 0);
  expect(svgWidth, "chart width").toBeAtLeast(450);
  expect(svgWidth, "chart fills its box").toBeAtMost(box);
  const overflow = await card.locator("body").evaluate((b) => b.scrollWidth - b.clientWidth);
  expect(overflow, "horizontal overflow (px)").toBeAtMost(0);
  await expectClean(page);
  await shot(page, "scorecard-salesready-wide.png");
  await page.close();
});

test("score card: recycled lead shows the hand-back reason and the decay", async () => {
  const page = await newPage({ width: 420, height: 900 });
  const card = await openForm(page, { scenario: "recycled", width: 360 });
  expect(await card.locator('[data-testid="stage"]').textContent(), "stage").toBe("Recycled");
  expect(await card.locator('[data-testid="sales-ready"]').textContent(), "badge").toBe("Not sales-ready");
  expect(await card.locator('[data-testid="handback"]').textContent(), "hand-back").toContain("Budget frozen until Q3 — call back in July");
  expect(await card.locator('[data-testid="decay"]').textContent(), "decay").toContain("next debit of 5 points in 4 days (May 28, 2026)");
  expect(await card.locator('.grade-matrix td[aria-current="true"]').getAttribute("data-grade"), "grade cell").toBe("B3");
  const notes = await page.evaluate(() => window.notifications().map((n) => n.level + " " + n.message));
  expect(notes.length, "form notifications").toBe(2);
  expect(notes.join("\n"), "recycled notification").toContain("WARNING Recycled: sales handed this lead back to marketing on May 10, 2026. Reason: Budget frozen until Q3 — call back in July.");
  expect(notes.join("\n"), "decay notification").toContain("the next debit of 5 points is in 4 days");
  await expectClean(page);
  await shot(page, "scorecard-recycled.png");
  await page.close();
});

test("score card: a rule named <img src=x onerror=alert(1)> renders as text", async () => {
  const page = await newPage({ width: 1000, height: 800 });
  const card = await openForm(page, { scenario: "xss", width: 900 });
  await card.locator("details.history summary").click();
  await fitCard(page);
  const names = await card.locator(".reason-name").allTextContents();
  expect(names.includes("<img src=x onerror=alert(1)>"), "rule name shown as text").toBe(true);
  expect(names.includes("<svg onload=alert(2)></svg>"), "second rule name shown as text").toBe(true);
  expect(await card.locator("img").count(), "img elements in the card").toBe(0);
  expect(await card.locator("script").count(), "script elements in the card").toBe(1); // scorecard.js only
  expect(await card.locator(".handback-reason").textContent(), "reason").toBe("<script>alert('reason')</script>");
  expect(await card.locator(".model-name").textContent(), "model").toBe("<b>Bold</b> model");
  expect(await card.locator("details.history td", { hasText: "<img src=x onerror=alert(1)>" }).count(), "history row").toBe(1);
  await page.waitForTimeout(200); // give any injected handler the chance to fire
  await expectClean(page);
  await shot(page, "scorecard-xss.png");
  await page.close();
});

test("score card: keyboard and screen-reader semantics", async () => {
  const page = await newPage({ width: 420, height: 900 });
  const card = await openForm(page, { scenario: "salesready", width: 360 });
  // The chart is an image with a name and a description; the grade matrix is a table with headers.
  const svg = card.locator("svg.chart");
  expect(await svg.getAttribute("role"), "chart role").toBe("img");
  const labelled = await svg.evaluate((s) =>
    s.getAttribute("aria-labelledby").split(" ").map((id) => s.ownerDocument.getElementById(id)?.textContent ?? "").join(" | "),
  );
  expect(labelled, "chart name").toMatch(/^Score over time \| 8 score events from May 1, 2026 to May 22, 2026\./);
  expect(await card.locator(".grade-matrix caption").textContent(), "matrix caption").toBe("Grade A2 (fit letter, engagement digit)");
  expect(await card.locator('[role="status"][aria-live="polite"]').textContent(), "live region").toBe("Score card updated: score 112.");
  // Tab reaches the Refresh button, then the history disclosure; Enter opens it.
  await card.locator("body").click({ position: { x: 2, y: 2 } });
  await page.keyboard.press("Tab");
  expect(await card.locator(":focus").getAttribute("id"), "first focus").toBe("refresh");
  await page.keyboard.press("Tab");
  expect(await card.locator(":focus").textContent(), "second focus").toBe("Score history as a table");
  await page.keyboard.press("Enter");
  expect(await card.locator("details.history").evaluate((d) => d.open), "history opened with Enter").toBe(true);
  const outline = await card.locator(":focus").evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(outline, "visible focus").toBe("solid");
  await expectClean(page);
  await page.close();
});

test("score card: dates and numbers in the user's language (German)", async () => {
  const page = await newPage({ width: 420, height: 900 });
  const card = await openForm(page, { scenario: "recycled", width: 360, lcid: 1031 });
  expect(await card.locator("html").getAttribute("lang"), "lang").toBe("de-DE");
  expect(await card.locator('[data-testid="decay"]').textContent(), "decay").toContain("in 4 Tagen (28.05.2026)");
  const notes = await page.evaluate(() => window.notifications().map((n) => n.message).join("\n"));
  expect(notes, "notification date").toContain("on 10.05.2026");
  await expectClean(page);
  await shot(page, "scorecard-recycled-de.png");
  await page.close();
});

test("hand back to marketing: command, dialog, Custom API, refresh", async () => {
  const page = await newPage({ width: 900, height: 800 });
  const card = await openForm(page, { scenario: "salesready", width: 700 });
  // The command bar calls LeadScoring.LeadForm.handBack(PrimaryControl).
  expect(await page.evaluate(() => LeadScoring.LeadForm.canHandBack(window.formContext)), "enable rule").toBe(true);
  const done = page.evaluate(() => LeadScoring.LeadForm.handBack(window.formContext).then(() => "closed"));
  const dialog = page.frameLocator(".fake-dialog-frame");
  await dialog.locator("#reason").waitFor();
  expect(await dialog.locator("#lead-name").textContent(), "lead name").toBe("Ada Lovelace");
  // An empty reason is refused.
  await dialog.locator("#submit").click();
  expect(await dialog.locator("#error").textContent(), "validation").toBe("Enter the reason for handing this lead back.");
  await dialog.locator("#reason").fill("Wrong contact: the buyer is their parent company");
  expect(await dialog.locator("#error").isHidden(), "error cleared once a reason is typed").toBe(true);
  await shot(page, "handback-dialog.png");
  await dialog.locator("#submit").click();
  expect(await done, "navigateTo settled").toBe("closed");
  const call = await page.evaluate(() => window.fakeServer.calls.find((c) => c.operation === "ls_HandBackLead"));
  expect(call.request.Reason, "reason sent").toBe("Wrong contact: the buyer is their parent company");
  expect(call.request.entity, "bound lead").toEqual({ entityType: "lead", id: SALES_READY_LEAD });
  expect(call.meta.boundParameter, "bound parameter").toBe("entity");
  // The form reloaded the lead: the card and the notifications show the hand-back.
  await card.locator('[data-testid="stage"]', { hasText: "Recycled" }).waitFor();
  expect(await card.locator('[data-testid="score"]').textContent(), "score after hand-back").toBe("85");
  expect(await card.locator(".handback-reason").textContent(), "reason on card").toBe("Wrong contact: the buyer is their parent company");
  const notes = await page.evaluate(() => window.notifications().map((n) => n.id));
  expect(notes, "notifications after hand-back").toEqual(["ls_notification_recycled"]);
  expect(await page.evaluate(() => LeadScoring.LeadForm.canHandBack(window.formContext)), "enable rule after").toBe(false);
  await fitCard(page);
  await expectClean(page);
  await shot(page, "handback-after.png");
  await page.close();
});

test("score card refreshes after the form is saved", async () => {
  const page = await newPage({ width: 420, height: 900 });
  const card = await openForm(page, { scenario: "salesready", width: 360 });
  await page.evaluate(() => {
    const lead = Object.values(window.fakeServer.leads)[0];
    lead.explanation = { ...lead.explanation, score: 131, engagement: 66, reasons: lead.explanation.reasons };
  });
  await page.evaluate(() => window.formContext.data.save());
  await card.locator('[data-testid="score"]', { hasText: "131" }).waitFor({ timeout: 5000 });
  const explains = await page.evaluate(() => window.fakeServer.calls.filter((c) => c.operation === "ls_ExplainLeadScore").length);
  expect(explains, "one explain on load, one after save").toBe(2);
  await expectClean(page);
  await page.close();
});

test("score card outside the form script: falls back to parent.Xrm and the id parameter", async () => {
  const page = await newPage({ width: 500, height: 900 });
  await page.goto(`${origin}/host/app.html?page=ls_/html/scorecard.html&id=%7B${SALES_READY_LEAD.toUpperCase()}%7D&width=400&height=800`);
  const card = page.frameLocator("#page");
  await card.locator('[data-testid="score"]').waitFor({ timeout: 10_000 });
  expect(await card.locator('[data-testid="score"]').textContent(), "score").toBe("112");
  // Refresh calls the API again.
  await card.locator("#refresh").click();
  await page.waitForFunction(() => window.fakeServer.calls.filter((c) => c.operation === "ls_ExplainLeadScore").length === 2);
  await expectClean(page);
  await page.close();
});

test("scoring matrix: the model's rules, thresholds, approvals and a what-if", async () => {
  const page = await newPage({ width: 1140, height: 1000 });
  await page.goto(`${origin}/host/app.html?page=ls_/html/scoringmatrix.html&data=${encodeURIComponent("modelid=" + DRAFT_MODEL)}&width=1120&height=1400`);
  const m = page.frameLocator("#page");
  await m.locator(".rule-table").nth(1).waitFor({ timeout: 10_000 });
  expect(await m.locator("#model-title").textContent(), "title").toBe("Default v4 (Draft)");
  expect(await m.locator('[data-testid="threshold"]').textContent(), "threshold").toBe("90");
  expect(await m.locator('[data-testid="approval-state"]').textContent(), "approval").toBe("Awaiting the sales approval.");
  expect(await m.locator('[data-testid="approval-marketing"] .who').textContent(), "approver").toBe("<i>Maria</i> Marketing");
  expect(await m.locator(".rule-table").nth(0).locator("tbody tr").count(), "fit rules").toBe(4);
  expect(await m.locator(".rule-table").nth(1).locator("tbody tr").count(), "engagement rules").toBe(5);
  const xss = m.locator('tr[data-rule="xss"] .rule-name');
  expect(await xss.evaluate((e) => e.firstChild.textContent), "XSS rule name as text").toBe("<img src=x onerror=alert(1)>");
  expect(await m.locator("img, i").count(), "elements made from data").toBe(0);
  // What-if: pick a lead with the lookup dialog.
  await m.locator("#pick-lead").click();
  await m.locator('[data-testid="whatif-diff"]').waitFor();
  expect(await m.locator(".lead-name").textContent(), "lead").toBe("Ada Lovelace <ada@example.com>");
  expect(await m.locator('[data-testid="whatif-this"] .whatif-score').textContent(), "this model").toBe("124");
  expect(await m.locator('[data-testid="whatif-active"] .whatif-score').textContent(), "active model").toBe("112");
  expect(await m.locator('[data-testid="whatif-diff"]').textContent(), "difference").toBe("This model scores the lead 12 points higher than the active model.");
  const calls = await page.evaluate(() => window.fakeServer.calls.filter((c) => c.operation === "ls_ExplainLeadScore").map((c) => c.request.ModelId?.ls_scoringmodelid ?? null));
  expect(calls.sort(), "explain with and without ModelId").toEqual([DRAFT_MODEL, null].sort());
  // Fit the iframe to the page for the screenshot.
  await page.evaluate(() => {
    const f = document.getElementById("page");
    f.style.height = Math.ceil(f.contentDocument.body.getBoundingClientRect().bottom) + 16 + "px";
  });
  await page.waitForTimeout(100);
  await expectClean(page);
  await shot(page, "scoringmatrix-whatif.png");
  // Switch to the active model with the keyboard-operable picker.
  await m.locator("#model-select").selectOption("11111111-1111-4111-8111-111111111111");
  await m.locator("#model-title", { hasText: "Default v3 (Active)" }).waitFor();
  expect(await m.locator('[data-testid="approval-state"]').textContent(), "active approval").toBe("Active: approved by marketing and sales.");
  await page.close();
});

// ---- main -------------------------------------------------------------------------------------
const server = await startServer(root);
origin = server.origin;
const profile = mkdtempSync(join(tmpdir(), "ls-chromium-"));
let passed = 0;
let failed = 0;
const results = [];
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  for (const t of tests) {
    const started = Date.now();
    try {
      await Promise.race([t.fn(), new Promise((_, rej) => setTimeout(() => rej(new Error("test timed out after 30 s")), 30_000))]);
      passed++;
      results.push({ name: t.name, status: "passed", ms: Date.now() - started });
      console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      results.push({ name: t.name, status: "failed", ms: Date.now() - started, error: String(e?.message ?? e) });
      console.log(`  ✗ ${t.name}\n      ${String(e?.message ?? e).split("\n").join("\n      ")}`);
      for (const p of context.pages()) await p.close().catch(() => {});
    }
  }
} catch (e) {
  console.error("browser tests could not run: " + (e?.stack ?? e));
  failed = Math.max(failed, 1);
} finally {
  await context?.close().catch(() => {});
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
writeFileSync(resultsFile, JSON.stringify({ passed, failed, results }, null, 2));
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
