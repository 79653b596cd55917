using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace LeadScoring.Workbench.Demo
{
    /// <summary>
    /// Generates the bundled demo history once (the hidden command generate-demo writes
    /// samples/demo/events.jsonl and outcomes.csv; they are committed). Seeded, so it gives the same
    /// files every time. Six months of a B2B funnel: leads arrive, browse the website, download
    /// content, attend webinars (recorded by the webinar platform through ls_RecordInteraction) and events, receive a nurture email every three weeks (and open,
    /// click or ignore it), meet sales; sales hands some back or disqualifies them, qualifies the
    /// buyers; the decay job runs every Monday night. Behaviour follows each lead's hidden fit and
    /// intent, and so does whether they buy — the model sees only the traces.
    /// </summary>
    internal sealed class DemoHistoryGenerator
    {
        public const ulong Seed = 20260105;
        public const int LeadCount = 240;
        public static readonly DateTime From = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        public static readonly DateTime To = new(2026, 6, 29, 0, 0, 0, DateTimeKind.Utc);

        private static readonly string[] HandBackReasons = { "No budget this year", "Not the decision maker", "Timing: revisit next quarter", "Chose a competitor", "Only researching for now" };
        private static readonly string[] Assets = { "Whitepaper: Scoring leads fairly", "Case study: Northwind Logistics", "E-book: The sales-ready line", "Checklist: Lead hand-off" };
        private static readonly string[] Pages = { "/", "/product", "/product/scoring", "/customers", "/blog/lead-decay", "/integrations", "/about" };

        private readonly SeededRandom _random = new(Seed);
        private readonly List<(DateTime At, int Order, JsonObject Line)> _events = new();
        private readonly StringBuilder _outcomes = new("id,converted,converted_on\n");
        private int _records;

        /// <summary>The events file (JSON Lines, time order) and the outcomes file (CSV).</summary>
        public static (string Events, string Outcomes) Generate()
        {
            var generator = new DemoHistoryGenerator();
            for (int n = 1; n <= LeadCount; n++)
            {
                generator.Lead(n.ToString("'L'000", CultureInfo.InvariantCulture));
            }

            for (var monday = From.AddDays(7).AddHours(2); monday <= To; monday = monday.AddDays(7))
            {
                generator.Add(monday, new JsonObject { ["op"] = "decay" });
            }

            var lines = generator._events.OrderBy(e => e.At).ThenBy(e => e.Order).Select(e => e.Line.ToJsonString());
            return (string.Join("\n", lines) + "\n", generator._outcomes.ToString());
        }

        private void Lead(string id)
        {
            var who = DemoLeadProfile.Draw(_random);
            bool buys = who.DrawConversion(_random);
            var arrival = Time(From.AddDays(_random.Between(0, 150)));
            DateTime? convertedOn = buys ? Min(arrival.AddDays(20 + _random.Exponential(30)), To.AddDays(-1)) : null;
            var interestEnds = Min(arrival.AddDays(10 + _random.Exponential(15 + (60 * who.Intent))), convertedOn ?? To);
            bool disqualified = !buys && who.Fitness < -0.3 && _random.Chance(0.4);
            var leaves = convertedOn ?? (disqualified ? Min(interestEnds.AddDays(_random.Between(3, 20)), To) : To);

            var attributes = new JsonObject
            {
                ["firstname"] = who.FirstName,
                ["lastname"] = who.LastName,
                ["companyname"] = who.Company,
                ["emailaddress1"] = who.Email,
                ["jobtitle"] = who.JobTitle,
                ["industrycode"] = who.Industry,
                ["numberofemployees"] = who.Employees,
                ["leadsourcecode"] = who.Source,
            };
            if (who.Budget is int budget)
            {
                attributes["budgetamount"] = budget;
            }

            if (who.Source == "Web")
            {
                // The website knew the visitor's address (a newsletter sign-up) an hour before the lead was
                // created: the visit waits unmatched and attaches to the lead when it appears.
                Add(arrival.AddHours(-1), new JsonObject
                {
                    ["op"] = "record",
                    ["type"] = "Page visit",
                    ["source"] = "website",
                    ["externalId"] = Record("v"),
                    ["email"] = who.Email,
                    ["url"] = "https://www.contoso.example/newsletter",
                });
            }

            Add(arrival, new JsonObject { ["op"] = "create", ["table"] = "lead", ["id"] = id, ["attributes"] = attributes });
            Browsing(id, who, arrival, interestEnds);
            Nurture(id, who, arrival, interestEnds, leaves);
            var meeting = Sales(id, who, buys, arrival, interestEnds, convertedOn);

            if (!buys && _random.Chance(0.05))
            {
                Add(Time(arrival.AddDays(_random.Between(2, 30))), new JsonObject { ["op"] = "adjust", ["lead"] = id, ["points"] = -15, ["reason"] = "Subsidiary of an existing customer" });
            }
            else if (who.Source == "Trade Show" && _random.Chance(0.5))
            {
                Add(arrival.AddHours(1), new JsonObject { ["op"] = "adjust", ["lead"] = id, ["points"] = 10, ["reason"] = "Talked at length at our trade show booth" });
            }

            if (convertedOn is DateTime won)
            {
                Update(won, "lead", id, new JsonObject { ["statecode"] = "Qualified", ["statuscode"] = "Qualified" });
            }
            else if (disqualified)
            {
                Update(leaves, "lead", id, new JsonObject { ["statecode"] = "Disqualified", ["statuscode"] = "No Longer Interested" });
            }
            else if (meeting is DateTime held && held < To.AddDays(-10) && _random.Chance(0.8))
            {
                var reason = _random.Pick(HandBackReasons);
                Add(Time(held.AddDays(_random.Between(3, 10))), new JsonObject { ["op"] = "handback", ["lead"] = id, ["reason"] = reason });
            }

            _outcomes.Append(CultureInfo.InvariantCulture, $"{id},{(buys ? 1 : 0)},{(convertedOn is DateTime d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}\n");
        }

        /// <summary>Website visits, downloads, webinars and events while the lead is interested, more of them the keener the lead.</summary>
        private void Browsing(string id, DemoLeadProfile who, DateTime from, DateTime until)
        {
            double perWeek = 0.3 + (2.5 * who.Intent);
            for (var at = from.AddHours(_random.Between(1, 48)); at < until; at = at.AddDays(_random.Exponential(7 / perWeek)).AddMinutes(_random.Between(5, 600)))
            {
                string kind = _random.Pick(("visit", 0.55), ("pricing", 0.05 + (0.2 * who.Intent)), ("download", 0.15), ("webinar", 0.07), ("event", who.Source == "Trade Show" ? 0.06 : 0.02));
                switch (kind)
                {
                    case "visit":
                        Interaction(at, id, "Page visit", "Website visit", _random.Pick(Pages));
                        break;
                    case "pricing":
                        Interaction(at, id, "Page visit", "Pricing page", "/pricing");
                        break;
                    case "download":
                        Interaction(at, id, "Asset download", _random.Pick(Assets), null);
                        break;
                    case "webinar":
                        FromWebinarPlatform(at, who, "Webinar registration");
                        if (_random.Chance(0.3 + (0.5 * who.Intent)))
                        {
                            FromWebinarPlatform(at.AddDays(_random.Between(2, 9)), who, "Webinar attendance");
                        }

                        break;
                    default:
                        Interaction(at, id, "Event attendance", "Customer day", null);
                        break;
                }
            }
        }

        /// <summary>A nurture email every three weeks while the lead is open; the interested ones open, click and sometimes reply.</summary>
        private void Nurture(string id, DemoLeadProfile who, DateTime from, DateTime interestEnds, DateTime leaves)
        {
            for (var sent = from.AddDays(2).Date.AddHours(7); sent < leaves; sent = sent.AddDays(21))
            {
                string email = Record("e");
                Add(sent, new JsonObject
                {
                    ["op"] = "create",
                    ["table"] = "email",
                    ["id"] = email,
                    ["attributes"] = new JsonObject { ["subject"] = "Lead scoring tips", ["directioncode"] = "Outgoing", ["statuscode"] = "Sent", ["senton"] = Iso(sent), ["regardingobjectid"] = id },
                });
                double interest = sent < interestEnds ? who.Intent : who.Intent * 0.25;
                if (!_random.Chance(0.1 + (0.6 * interest)))
                {
                    continue;
                }

                var opened = sent.AddHours(_random.Between(1, 40));
                Update(opened, "email", email, new JsonObject { ["opencount"] = 1 });
                if (_random.Chance(0.1 + (0.5 * interest)))
                {
                    Update(opened.AddMinutes(_random.Between(1, 30)), "email", email, new JsonObject { ["linksclickedcount"] = 1 });
                    if (_random.Chance(0.15 * interest))
                    {
                        Update(opened.AddHours(_random.Between(1, 24)), "email", email, new JsonObject { ["replycount"] = 1 });
                    }
                }
            }
        }

        /// <summary>Keen leads ask for a demo and meet sales; some meetings are cancelled. Returns when the meeting was held.</summary>
        private DateTime? Sales(string id, DemoLeadProfile who, bool buys, DateTime arrival, DateTime interestEnds, DateTime? convertedOn)
        {
            bool meets = buys ? _random.Chance(0.8) : who.Intent > 0.45 && _random.Chance(0.6);
            var end = convertedOn ?? interestEnds;
            if (!meets || end - arrival < TimeSpan.FromDays(8))
            {
                return null;
            }

            var asked = Time(arrival.AddDays(_random.Between(3, Math.Max(4, (int)(end - arrival).TotalDays - 5))));
            if (_random.Chance(buys ? 0.7 : 0.3))
            {
                Interaction(asked, id, "Form submission", "Demo request", "/contact/demo");
            }

            Call(asked.AddHours(1), id);
            string meeting = Record("m");
            Add(asked.AddHours(2), new JsonObject
            {
                ["op"] = "create",
                ["table"] = "appointment",
                ["id"] = meeting,
                ["attributes"] = new JsonObject { ["subject"] = "Product demo", ["statecode"] = "Scheduled", ["statuscode"] = "Busy", ["scheduledstart"] = Iso(asked.AddDays(3)), ["regardingobjectid"] = id },
            });
            var held = asked.AddDays(3);
            if (_random.Chance(buys ? 0.05 : 0.2))
            {
                Update(held.AddHours(-20), "appointment", meeting, new JsonObject { ["statecode"] = "Canceled", ["statuscode"] = "Canceled" });
                return null;
            }

            Update(held.AddHours(1), "appointment", meeting, new JsonObject { ["statecode"] = "Completed", ["statuscode"] = "Completed", ["actualend"] = Iso(held.AddHours(1)) });
            return held;
        }

        /// <summary>
        /// Sales calls the lead back about the demo: an outgoing phone call, logged open and then
        /// completed. Its length comes from the lead's id, not the random stream, so the rest of the
        /// history stays as it was.
        /// </summary>
        private void Call(DateTime at, string lead)
        {
            string call = Record("c");
            int minutes = 5 + (lead.Sum(c => c) % 26);
            Add(at, new JsonObject
            {
                ["op"] = "create",
                ["table"] = "phonecall",
                ["id"] = call,
                ["attributes"] = new JsonObject { ["subject"] = "Demo follow-up", ["directioncode"] = "Outgoing", ["phonenumber"] = "+1 425 555 0100", ["regardingobjectid"] = lead },
            });
            Update(at.AddMinutes(minutes), "phonecall", call, new JsonObject
            {
                ["statecode"] = "Completed",
                ["statuscode"] = "Made",
                ["actualdurationminutes"] = minutes,
                ["actualend"] = Iso(at.AddMinutes(minutes)),
            });
        }

        private void Interaction(DateTime at, string lead, string type, string name, string? url)
        {
            var attributes = new JsonObject { ["ls_name"] = name, ["ls_type"] = type, ["ls_occurredon"] = Iso(at), ["ls_leadid"] = lead };
            if (url is not null)
            {
                attributes["ls_url"] = url;
            }

            Add(at, new JsonObject { ["op"] = "create", ["table"] = "ls_interaction", ["id"] = Record("i"), ["attributes"] = attributes });
        }

        /// <summary>The webinar platform's webhook: ls_RecordInteraction with the attendee's email address and its own id.</summary>
        private void FromWebinarPlatform(DateTime at, DemoLeadProfile who, string type) =>
            Add(at, new JsonObject
            {
                ["op"] = "record",
                ["type"] = type,
                ["source"] = "webinar-platform",
                ["externalId"] = Record("w"),
                ["email"] = who.Email,
                ["name"] = "Webinar: Scoring that sales trusts",
            });

        private void Update(DateTime at, string table, string id, JsonObject attributes) =>
            Add(at, new JsonObject { ["op"] = "update", ["table"] = table, ["id"] = id, ["attributes"] = attributes });

        /// <summary>Keeps an event inside the six months, with "at" first on its line.</summary>
        private void Add(DateTime at, JsonObject fields)
        {
            if (at > To)
            {
                return;
            }

            var line = new JsonObject { ["at"] = Iso(at) };
            foreach (var (name, value) in fields.ToList())
            {
                fields.Remove(name);
                line[name] = value;
            }

            _events.Add((at, _events.Count, line));
        }

        private string Record(string prefix) => prefix + (++_records).ToString(CultureInfo.InvariantCulture);

        /// <summary>A working-hours moment of the day.</summary>
        private DateTime Time(DateTime day) => day.Date.AddHours(8).AddMinutes(_random.Between(0, 600));

        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

        private static string Iso(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
