// A fake model-driven app for the browser tests: window.Xrm with the Client API surface the web
// resources use, backed by an in-page "server" built from the JSON fixtures. Custom API calls answer
// with real fetch Response objects, as Xrm.WebApi.online.execute does. A request that breaks the Custom
// API contract (pac-config.json, checked by contract.js) is refused with the server's kind of error.
(function () {
  "use strict";
  const STAGES = { New: 100000000, Engaged: 100000001, MarketingQualified: 100000002, SalesAccepted: 100000003, Recycled: 100000004, Disqualified: 100000005 };

  // The user's format settings (Personal Options → Formats), as userSettings.dateFormattingInfo and the
  // usersettings row give them: independent of the UI language (languageId).
  const FORMATS = {
    "en-US": {
      decimal: ".",
      group: ",",
      dateFormattingInfo: {
        ShortDatePattern: "M/d/yyyy", ShortTimePattern: "h:mm tt", DateSeparator: "/", TimeSeparator: ":", AMDesignator: "AM", PMDesignator: "PM",
        MonthNames: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", ""],
        AbbreviatedMonthNames: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", ""],
      },
    },
    "de-DE": {
      decimal: ",",
      group: ".",
      dateFormattingInfo: {
        ShortDatePattern: "dd.MM.yyyy", ShortTimePattern: "HH:mm", DateSeparator: ".", TimeSeparator: ":", AMDesignator: "", PMDesignator: "",
        MonthNames: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember", ""],
        AbbreviatedMonthNames: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez", ""],
      },
    },
  };

  function jsonResponse(body) {
    return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
  }
  function fail(message) {
    return Promise.reject({ errorCode: 2147746611, message: message });
  }
  const bare = (id) => String(id || "").replace(/[{}]/g, "").toLowerCase();

  window.createFakeXrm = function createFakeXrm(options) {
    if (!Array.isArray(options.customApis)) throw new Error("createFakeXrm needs customApis (pac-config.json)");
    const openDialogs = [];
    const server = {
      leads: options.leads || {}, // id → { name, explanation }
      whatIf: options.whatIf || {}, // modelId → partial explanation overriding the lead's
      models: options.models || [],
      rules: options.rules || {},
      lookupResult: options.lookupResult || [],
      calls: [],
      refused: [],
      dialogs: [],
    };

    function explainFor(leadId, modelId) {
      const lead = server.leads[bare(leadId)];
      if (!lead) return null;
      if (modelId) return Object.assign({}, lead.explanation, server.whatIf[bare(modelId)] || {});
      return lead.explanation;
    }

    const navigation = {
      openAlertDialog(strings) {
        server.dialogs.push({ kind: "alert", strings });
        return Promise.resolve();
      },
      openErrorDialog(opts) {
        server.dialogs.push({ kind: "error", opts });
        return Promise.resolve();
      },
      openConfirmDialog(strings) {
        server.dialogs.push({ kind: "confirm", strings });
        return Promise.resolve({ confirmed: true });
      },
      // navigateTo an HTML web resource in a dialog (target 2): an overlay with an iframe and the
      // app's own close button; the promise settles when the dialog closes. Like a modal dialog, it puts
      // the focus back where it was when it closes. It does not honour window.close() from the page:
      // inside an iframe that does nothing, here as in the app.
      navigateTo(pageInput, nav) {
        server.dialogs.push({ kind: "navigateTo", pageInput, nav });
        if (pageInput.pageType !== "webresource" || !nav || nav.target !== 2) return Promise.resolve();
        const opener = document.activeElement;
        return new Promise((resolve) => {
          const overlay = document.createElement("div");
          overlay.className = "fake-dialog-overlay";
          const dialog = document.createElement("div");
          dialog.className = "fake-dialog";
          dialog.setAttribute("role", "dialog");
          dialog.setAttribute("aria-modal", "true");
          dialog.setAttribute("aria-label", nav.title || "");
          const w = nav.width && typeof nav.width === "object" ? nav.width.value : nav.width || 480;
          const h = nav.height && typeof nav.height === "object" ? nav.height.value : nav.height || 400;
          dialog.style.width = w + "px";
          const bar = document.createElement("div");
          bar.className = "fake-dialog-title";
          const title = document.createElement("span");
          title.textContent = nav.title || "";
          const x = document.createElement("button");
          x.type = "button";
          x.className = "fake-dialog-close";
          x.setAttribute("aria-label", "Close");
          x.textContent = "×";
          bar.append(title, x);
          const frame = document.createElement("iframe");
          frame.className = "fake-dialog-frame";
          frame.title = nav.title || "dialog";
          frame.style.height = h - 44 + "px";
          frame.src = "/WebResources/" + pageInput.webresourceName + (pageInput.data ? "?data=" + encodeURIComponent(pageInput.data) : "");
          dialog.append(bar, frame);
          overlay.append(dialog);
          document.body.append(overlay);
          const close = () => {
            overlay.remove();
            openDialogs.splice(openDialogs.indexOf(close), 1);
            server.dialogs.push({ kind: "closed" });
            if (opener && typeof opener.focus === "function") opener.focus();
            resolve(undefined);
          };
          openDialogs.push(close);
          x.addEventListener("click", close);
        });
      },
      // Closes the page opened last as a dialog, which settles its navigateTo promise.
      navigateBack() {
        server.dialogs.push({ kind: "navigateBack" });
        const close = openDialogs[openDialogs.length - 1];
        if (close) close();
        return Promise.resolve();
      },
    };

    const webApi = {
      online: {
        execute(request) {
          const meta = request.getMetadata();
          server.calls.push({ operation: meta.operationName, request: JSON.parse(JSON.stringify(request)), meta });
          const problems = window.CustomApiContract.requestProblems(options.customApis, request);
          if (problems.length) {
            server.refused.push(problems);
            return fail(problems.join("; "));
          }
          if (meta.operationName === "ls_ExplainLeadScore") {
            const modelId = request.ModelId ? request.ModelId.ls_scoringmodelid : null;
            const e = explainFor(request.entity && request.entity.id, modelId);
            if (!e) return fail("Lead not found");
            return Promise.resolve(jsonResponse({ Explanation: JSON.stringify(e) }));
          }
          if (meta.operationName === "ls_HandBackLead") {
            const lead = server.leads[bare(request.entity.id)];
            if (!lead) return fail("Lead not found");
            if (!request.Reason) return fail("Reason is required");
            const e = lead.explanation;
            const debit = e.score - (e.salesReadyThreshold - 15);
            const eng = e.engagement - debit;
            const letter = e.fit >= 60 ? "A" : e.fit >= 30 ? "B" : "C";
            const digit = eng >= 80 ? "1" : eng >= 40 ? "2" : "3";
            lead.explanation = Object.assign({}, e, {
              score: e.score - debit,
              engagement: eng,
              grade: letter + digit,
              stage: "Recycled",
              salesReady: false,
              handBackCount: e.handBackCount + 1,
              handBackReason: request.Reason,
              history: e.history.concat([{ at: new Date().toISOString(), score: e.score - debit, fit: e.fit, engagement: e.engagement - debit, kind: "HandBack", points: -debit, reason: "Hand-back: " + request.Reason }]),
            });
            lead.handBackOn = new Date();
            return Promise.resolve(jsonResponse({ Score: lead.explanation.score, LifecycleStage: STAGES.Recycled }));
          }
          return fail("Unknown operation " + meta.operationName);
        },
      },
      retrieveMultipleRecords(table, query) {
        server.calls.push({ operation: "retrieveMultipleRecords", table, query });
        if (table === "ls_scoringmodel") return Promise.resolve({ entities: server.models });
        if (table === "ls_scoringrule") {
          const m = /_ls_scoringmodelid_value eq ([0-9a-fA-F-]+)/.exec(query || "");
          return Promise.resolve({ entities: (m && server.rules[bare(m[1])]) || [] });
        }
        return Promise.resolve({ entities: [] });
      },
      retrieveRecord(table, id, query) {
        if (table === "usersettings") {
          server.calls.push({ operation: "retrieveRecord", table, id, query });
          const f = FORMATS[options.formats || "en-US"];
          return Promise.resolve({ systemuserid: id, decimalsymbol: f.decimal, numberseparator: f.group });
        }
        const lead = server.leads[bare(id)];
        if (table === "lead" && lead) return Promise.resolve({ leadid: bare(id), fullname: lead.name });
        return fail("Record not found");
      },
    };

    const userSettings = {
      userId: "{5B1C2D3E-0000-4000-8000-000000000001}",
      dateFormattingInfo: FORMATS[options.formats || "en-US"].dateFormattingInfo,
      languageId: options.languageId || 1033,
      isRTL: false,
      userName: "Test User",
      getTimeZoneOffsetMinutes: () => (options.timeZoneOffsetMinutes === undefined ? 0 : options.timeZoneOffsetMinutes),
    };

    const Xrm = {
      Navigation: navigation,
      WebApi: webApi,
      Utility: {
        getGlobalContext: () => ({ userSettings, getClientUrl: () => location.origin }),
        lookupObjects(opts) {
          server.calls.push({ operation: "lookupObjects", opts });
          return Promise.resolve(server.lookupResult);
        },
      },
    };
    return { Xrm, server, STAGES };
  };

  window.loadJson = function (path) {
    return fetch(path).then((r) => r.json());
  };
})();
