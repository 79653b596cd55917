using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using LeadScoring.Engine;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// The JSON the lead form's score card reads from ls_ExplainLeadScore (shape in docs/plugins.md).
    /// Written by hand: the sandbox assembly takes no JSON library.
    /// </summary>
    public static class ExplanationJson
    {
        public static string Write(Guid leadId, ScoringOutcome outcome, int top, DateTime now)
        {
            var model = outcome.Model.Model;
            var state = outcome.Result.State;
            var decay = Explainer.NextDecay(model, state, now);
            var json = new StringBuilder();
            json.Append('{');
            Field(json, "leadId", leadId.ToString("D"));
            Field(json, "score", state.Score);
            Field(json, "fit", state.Fit);
            Field(json, "engagement", state.Engagement);
            Field(json, "floorAdjustment", state.FloorAdjustment);
            Field(json, "grade", state.Grade);
            Raw(json, "gradeConversion", GradeConversionOf(model.GradeConversion, state.Grade));
            Field(json, "stage", state.Stage.ToString());
            Field(json, "salesReadyThreshold", model.SalesReadyThreshold);
            Field(json, "minimumFit", model.MinimumFit);
            Field(json, "minimumEngagement", model.MinimumEngagement);
            Field(json, "salesReady", state.Stage == LifecycleStage.MarketingQualified);
            Field(json, "modelName", model.Name);
            Field(json, "modelVersion", model.Version);
            Field(json, "handBackCount", state.HandBackCount);
            Field(json, "handBackReason", state.HandBackReason);
            Raw(json, "gradeMatrix", "{\"fitBands\":[" + string.Join(",", model.Grades.FitBands.Select(N)) + "],\"engagementBands\":[" + string.Join(",", model.Grades.EngagementBands.Select(N)) + "]}");
            Raw(json, "reasons", "[" + string.Join(",", Explainer.Reasons(model, outcome.Ledger, top).Select(Reason)) + "]");
            Raw(json, "history", "[" + string.Join(",", Explainer.History(outcome.Ledger).Select(Point)) + "]");
            Raw(json, "decay", decay == null ? "{\"active\":false}" : Decay(decay, now), last: true);
            json.Append('}');
            return json.ToString();
        }

        /// <summary>How leads of this grade converted in the model's last backtest; null when there is none for the grade.</summary>
        private static string GradeConversionOf(GradeConversion? conversion, string? grade)
        {
            var outcome = conversion?.For(grade);
            return conversion == null || outcome == null ? "null" : Object(b =>
            {
                Field(b, "grade", outcome.Grade);
                Field(b, "leads", outcome.Leads);
                Field(b, "converted", outcome.Converted);
                Field(b, "source", conversion.Source);
                Field(b, "measuredOn", conversion.MeasuredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Field(b, "sampleLeads", conversion.Leads, last: true);
            });
        }

        private static string Reason(ScoreReason r) => Object(b =>
        {
            Field(b, "ruleId", r.RuleId);
            Field(b, "name", r.Name);
            Field(b, "category", r.Category == Category.Fit ? "fit" : r.Category == Category.Engagement ? "engagement" : "total");
            Field(b, "points", r.Points, last: true);
        });

        private static string Point(ScorePoint p) => Object(b =>
        {
            Field(b, "at", p.At);
            Field(b, "score", p.Score);
            Field(b, "fit", p.Fit);
            Field(b, "engagement", p.Engagement);
            Field(b, "kind", p.Kind.ToString());
            Field(b, "points", p.Points);
            Field(b, "reason", p.Reason, last: true);
        });

        private static string Decay(DecayOutlook d, DateTime now) => Object(b =>
        {
            Field(b, "active", d.NextDebitOn > d.LastEngagementOn && now >= d.LastEngagementOn);
            Field(b, "lastEngagementOn", d.LastEngagementOn);
            Field(b, "nextDebitOn", d.NextDebitOn);
            Field(b, "points", d.Points);
            Field(b, "daysUntilNextDebit", (int)Math.Ceiling((d.NextDebitOn - now).TotalDays), last: true);
        });

        private static string Object(Action<StringBuilder> fields)
        {
            var b = new StringBuilder("{");
            fields(b);
            return b.Append('}').ToString();
        }

        private static void Field(StringBuilder b, string name, object? value, bool last = false) => Raw(b, name, Value(value), last);

        private static void Raw(StringBuilder b, string name, string json, bool last = false)
        {
            b.Append('"').Append(name).Append("\":").Append(json);
            if (!last)
            {
                b.Append(',');
            }
        }

        private static string Value(object? value) => value switch
        {
            null => "null",
            bool flag => flag ? "true" : "false",
            int number => N(number),
            DateTime date => Quote(date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        };

        private static string Quote(string text)
        {
            var b = new StringBuilder("\"");
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"': b.Append("\\\""); break;
                    case '\\': b.Append("\\\\"); break;
                    case '\n': b.Append("\\n"); break;
                    case '\r': b.Append("\\r"); break;
                    case '\t': b.Append("\\t"); break;
                    case '<': b.Append("\\u003c"); break; // safe even if someone drops it into HTML
                    default:
                        if (c < ' ')
                        {
                            b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            b.Append(c);
                        }

                        break;
                }
            }

            return b.Append('"').ToString();
        }

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
