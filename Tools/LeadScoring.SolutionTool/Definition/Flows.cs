using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using LeadScoring.Dataverse;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>
    /// The cloud flows, written in the Logic Apps workflow definition language the way Power Automate
    /// stores a solution flow (properties.connectionReferences + properties.definition). Dataverse
    /// triggers and actions go through the connection reference ls_LeadScoringDataverse; environment
    /// variables appear as definition parameters named "Display name (schema name)".
    /// docs/automation.md describes what each does and how to turn it on or off.
    /// </summary>
    public static class Flows
    {
        private const string DataverseApi = "shared_commondataserviceforapps";

        public static string Parameter(EnvironmentVariable variable) => $"{variable.DisplayName} ({variable.SchemaName})";

        /// <summary>The environment variable's value as a whole expression (keeps its type).</summary>
        private static string P(EnvironmentVariable variable) => "@parameters('" + Parameter(variable) + "')";

        /// <summary>The environment variable's value inside a text.</summary>
        private static string PI(EnvironmentVariable variable) => "@{parameters('" + Parameter(variable) + "')}";

        /// <summary>
        /// An expression's value as HTML text: &amp;, &lt; and &gt; encoded, so a lead's name or a reason a rep typed
        /// ("&lt;img src=x onerror=…&gt;") shows as text in the email and the Teams message, never as markup. The
        /// definition language has no HTML encoder; replace(), coalesce() and string() are its string functions:
        /// https://learn.microsoft.com/azure/logic-apps/expression-functions-reference
        /// </summary>
        public static string Html(string expression) =>
            "@{replace(replace(replace(string(coalesce(" + expression + ", '')), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')}";

        public static CloudFlow DecayNightly { get; } = new("decaynightly", "Lead Scoring - Run score decay nightly",
            "Every night at 02:00 UTC: calls ls_ApplyScoreDecay a page at a time, following Continuation until it comes back empty, all pages as of the same moment; records the run (pages, leads processed, points debited) in a Decay run row.",
            Build(new[] { Automation.DecayPageSize }, $$"""
            {
              "Recurrence": {
                "type": "Recurrence",
                "recurrence": { "frequency": "Day", "interval": 1, "timeZone": "UTC", "schedule": { "hours": [ "2" ], "minutes": [ 0 ] } }
              }
            }
            """, $$"""
            {
              "Initialize_AsOf": {
                "runAfter": {},
                "type": "InitializeVariable",
                "inputs": { "variables": [ { "name": "AsOf", "type": "string", "value": "@{utcNow()}" } ] }
              },
              "Initialize_Continuation": {
                "runAfter": { "Initialize_AsOf": [ "Succeeded" ] },
                "type": "InitializeVariable",
                "inputs": { "variables": [ { "name": "Continuation", "type": "string", "value": "" } ] }
              },
              "Initialize_Done": {
                "runAfter": { "Initialize_Continuation": [ "Succeeded" ] },
                "type": "InitializeVariable",
                "inputs": { "variables": [ { "name": "Done", "type": "boolean", "value": false } ] }
              },
              "Initialize_LeadsProcessed": {
                "runAfter": { "Initialize_Done": [ "Succeeded" ] },
                "type": "InitializeVariable",
                "inputs": { "variables": [ { "name": "LeadsProcessed", "type": "integer", "value": 0 } ] }
              },
              "Initialize_PointsDebited": {
                "runAfter": { "Initialize_LeadsProcessed": [ "Succeeded" ] },
                "type": "InitializeVariable",
                "inputs": { "variables": [ { "name": "PointsDebited", "type": "integer", "value": 0 } ] }
              },
              "Initialize_Pages": {
                "runAfter": { "Initialize_PointsDebited": [ "Succeeded" ] },
                "type": "InitializeVariable",
                "inputs": { "variables": [ { "name": "Pages", "type": "integer", "value": 0 } ] }
              },
              "Create_the_decay_run": {
                "runAfter": { "Initialize_Pages": [ "Succeeded" ] },
                "type": "OpenApiConnection",
                "inputs": {
                  "host": { "connectionName": "{{DataverseApi}}", "operationId": "CreateRecord", "apiId": "/providers/Microsoft.PowerApps/apis/{{DataverseApi}}" },
                  "parameters": {
                    "entityName": "{{DecayRunColumns.EntitySet}}",
                    "item/{{DecayRunColumns.Name}}": "Score decay as of @{variables('AsOf')}",
                    "item/{{DecayRunColumns.AsOf}}": "@variables('AsOf')",
                    "item/{{DecayRunColumns.StartedOn}}": "@utcNow()",
                    "item/{{DecayRunColumns.Status}}": {{DecayRunStatusValues.Running}}
                  },
                  "authentication": "@parameters('$authentication')"
                }
              },
              "Until_no_continuation": {
                "runAfter": { "Create_the_decay_run": [ "Succeeded" ] },
                "type": "Until",
                "expression": "@equals(variables('Done'), true)",
                "limit": { "count": 5000, "timeout": "PT12H" },
                "actions": {
                  "Apply_score_decay_page": {
                    "runAfter": {},
                    "type": "OpenApiConnection",
                    "inputs": {
                      "host": { "connectionName": "{{DataverseApi}}", "operationId": "PerformUnboundAction", "apiId": "/providers/Microsoft.PowerApps/apis/{{DataverseApi}}" },
                      "parameters": {
                        "actionName": "{{CustomApi.ApplyScoreDecay}}",
                        "item/{{CustomApi.AsOf}}": "@variables('AsOf')",
                        "item/{{CustomApi.PageSize}}": "{{P(Automation.DecayPageSize)}}",
                        "item/{{CustomApi.Continuation}}": "@variables('Continuation')"
                      },
                      "authentication": "@parameters('$authentication')"
                    }
                  },
                  "Add_leads_processed": {
                    "runAfter": { "Apply_score_decay_page": [ "Succeeded" ] },
                    "type": "IncrementVariable",
                    "inputs": { "name": "LeadsProcessed", "value": "@outputs('Apply_score_decay_page')?['body/{{CustomApi.LeadsProcessed}}']" }
                  },
                  "Add_points_debited": {
                    "runAfter": { "Add_leads_processed": [ "Succeeded" ] },
                    "type": "IncrementVariable",
                    "inputs": { "name": "PointsDebited", "value": "@outputs('Apply_score_decay_page')?['body/{{CustomApi.PointsDebited}}']" }
                  },
                  "Add_a_page": {
                    "runAfter": { "Add_points_debited": [ "Succeeded" ] },
                    "type": "IncrementVariable",
                    "inputs": { "name": "Pages", "value": 1 }
                  },
                  "Set_Continuation": {
                    "runAfter": { "Add_a_page": [ "Succeeded" ] },
                    "type": "SetVariable",
                    "inputs": { "name": "Continuation", "value": "@{coalesce(outputs('Apply_score_decay_page')?['body/{{CustomApi.Continuation}}'], '')}" }
                  },
                  "Set_Done": {
                    "runAfter": { "Set_Continuation": [ "Succeeded" ] },
                    "type": "SetVariable",
                    "inputs": { "name": "Done", "value": "@empty(variables('Continuation'))" }
                  }
                }
              },
              "Record_the_run": {
                "runAfter": { "Until_no_continuation": [ "Succeeded" ] },
                "type": "OpenApiConnection",
                "inputs": {
                  "host": { "connectionName": "{{DataverseApi}}", "operationId": "UpdateRecord", "apiId": "/providers/Microsoft.PowerApps/apis/{{DataverseApi}}" },
                  "parameters": {
                    "entityName": "{{DecayRunColumns.EntitySet}}",
                    "recordId": "@outputs('Create_the_decay_run')?['body/{{DecayRunColumns.Id}}']",
                    "item/{{DecayRunColumns.FinishedOn}}": "@utcNow()",
                    "item/{{DecayRunColumns.Pages}}": "@variables('Pages')",
                    "item/{{DecayRunColumns.LeadsProcessed}}": "@variables('LeadsProcessed')",
                    "item/{{DecayRunColumns.PointsDebited}}": "@variables('PointsDebited')",
                    "item/{{DecayRunColumns.Status}}": {{DecayRunStatusValues.Succeeded}}
                  },
                  "authentication": "@parameters('$authentication')"
                }
              },
              "Record_the_failure": {
                "runAfter": { "Until_no_continuation": [ "Failed", "TimedOut" ] },
                "type": "OpenApiConnection",
                "inputs": {
                  "host": { "connectionName": "{{DataverseApi}}", "operationId": "UpdateRecord", "apiId": "/providers/Microsoft.PowerApps/apis/{{DataverseApi}}" },
                  "parameters": {
                    "entityName": "{{DecayRunColumns.EntitySet}}",
                    "recordId": "@outputs('Create_the_decay_run')?['body/{{DecayRunColumns.Id}}']",
                    "item/{{DecayRunColumns.FinishedOn}}": "@utcNow()",
                    "item/{{DecayRunColumns.Pages}}": "@variables('Pages')",
                    "item/{{DecayRunColumns.LeadsProcessed}}": "@variables('LeadsProcessed')",
                    "item/{{DecayRunColumns.PointsDebited}}": "@variables('PointsDebited')",
                    "item/{{DecayRunColumns.Status}}": {{DecayRunStatusValues.Failed}},
                    "item/{{DecayRunColumns.Message}}": "Stopped after @{variables('Pages')} pages; the next page starts at '@{variables('Continuation')}'. Run the flow again: decay is idempotent."
                  },
                  "authentication": "@parameters('$authentication')"
                }
              }
            }
            """), new[] { Automation.Dataverse.LogicalName });

        public static CloudFlow NotifySalesReady { get; } = new("notifysalesready", "Lead Scoring - Notify owner when a lead becomes sales-ready",
            "When a lead's lifecycle stage changes to Marketing Qualified: tells the lead's owner (by email or Teams, per ls_NotificationChannel) the score, the grade and the top reasons.",
            Build(new[] { Automation.NotificationChannel }, $$"""
            {
              "When_a_lead_becomes_sales-ready": {
                "type": "OpenApiConnectionWebhook",
                "inputs": {
                  "host": { "connectionName": "{{DataverseApi}}", "operationId": "SubscribeWebhookTrigger", "apiId": "/providers/Microsoft.PowerApps/apis/{{DataverseApi}}" },
                  "parameters": {
                    "subscriptionRequest/message": 3,
                    "subscriptionRequest/entityname": "{{LeadColumns.Table}}",
                    "subscriptionRequest/scope": 4,
                    "subscriptionRequest/filteringattributes": "{{LeadColumns.LifecycleStage}}",
                    "subscriptionRequest/filterexpression": "{{LeadColumns.LifecycleStage}} eq {{LifecycleStageValues.MarketingQualified}}",
                    "subscriptionRequest/runas": 3
                  },
                  "authentication": "@parameters('$authentication')"
                }
              }
            }
            """, $$"""
            {
              "Owner_is_a_user": {
                "runAfter": {},
                "type": "If",
                "expression": { "equals": [ "@triggerOutputs()?['body/_ownerid_type']", "systemusers" ] },
                "actions": {
                  "Get_the_owner": {
                    "runAfter": {},
                    "type": "OpenApiConnection",
                    "inputs": {
                      "host": { "connectionName": "{{DataverseApi}}", "operationId": "GetItem", "apiId": "/providers/Microsoft.PowerApps/apis/{{DataverseApi}}" },
                      "parameters": { "entityName": "systemusers", "recordId": "@triggerOutputs()?['body/_ownerid_value']", "$select": "fullname,internalemailaddress" },
                      "authentication": "@parameters('$authentication')"
                    }
                  },
                  "List_the_top_reasons": {
                    "runAfter": { "Get_the_owner": [ "Succeeded" ] },
                    "type": "OpenApiConnection",
                    "inputs": {
                      "host": { "connectionName": "{{DataverseApi}}", "operationId": "ListRecords", "apiId": "/providers/Microsoft.PowerApps/apis/{{DataverseApi}}" },
                      "parameters": {
                        "entityName": "ls_scoreevents",
                        "$select": "{{ScoreEventColumns.Reason}},{{ScoreEventColumns.Points}}",
                        "$filter": "_{{ScoreEventColumns.LeadId}}_value eq @{triggerOutputs()?['body/{{LeadColumns.Id}}']} and {{ScoreEventColumns.Points}} gt 0",
                        "$orderby": "{{ScoreEventColumns.Points}} desc",
                        "$top": 3
                      },
                      "authentication": "@parameters('$authentication')"
                    }
                  },
                  "Reasons": {
                    "runAfter": { "List_the_top_reasons": [ "Succeeded" ] },
                    "type": "Select",
                    "inputs": { "from": "@outputs('List_the_top_reasons')?['body/value']", "select": "{{Html($"item()?['{ScoreEventColumns.Reason}']")}} (+@{item()?['{{ScoreEventColumns.Points}}']})" }
                  },
                  "Message": {
                    "runAfter": { "Reasons": [ "Succeeded" ] },
                    "type": "Compose",
                    "inputs": "<p><b>{{Html($"triggerOutputs()?['body/{LeadColumns.FullName}']")}}</b> is sales-ready: score @{triggerOutputs()?['body/{{LeadColumns.Score}}']}, grade {{Html($"triggerOutputs()?['body/{LeadColumns.Grade}']")}}.</p><p>Top reasons: @{join(body('Reasons'), '; ')}</p><p>Follow up with this lead now.</p>"
                  },
                  "Channel": {
                    "runAfter": { "Message": [ "Succeeded" ] },
                    "type": "Switch",
                    "expression": "{{P(Automation.NotificationChannel)}}",
                    "cases": {
                      "Teams": {
                        "case": "Teams",
                        "actions": {
                          "Post_a_chat_to_the_owner": {
                            "runAfter": {},
                            "type": "OpenApiConnection",
                            "inputs": {
                              "host": { "connectionName": "shared_teams", "operationId": "PostMessageToConversation", "apiId": "/providers/Microsoft.PowerApps/apis/shared_teams" },
                              "parameters": {
                                "poster": "Flow bot",
                                "location": "Chat with Flow bot",
                                "body/recipient": "@outputs('Get_the_owner')?['body/internalemailaddress']",
                                "body/messageBody": "@{outputs('Message')}"
                              },
                              "authentication": "@parameters('$authentication')"
                            }
                          }
                        }
                      }
                    },
                    "default": {
                      "actions": {
                        "Email_the_owner": {
                          "runAfter": {},
                          "type": "OpenApiConnection",
                          "inputs": {
                            "host": { "connectionName": "shared_office365", "operationId": "SendEmailV2", "apiId": "/providers/Microsoft.PowerApps/apis/shared_office365" },
                            "parameters": {
                              "emailMessage/To": "@outputs('Get_the_owner')?['body/internalemailaddress']",
                              "emailMessage/Subject": "Sales-ready lead: @{triggerOutputs()?['body/{{LeadColumns.FullName}}']} (score @{triggerOutputs()?['body/{{LeadColumns.Score}}']})",
                              "emailMessage/Body": "@{outputs('Message')}",
                              "emailMessage/Importance": "Normal"
                            },
                            "authentication": "@parameters('$authentication')"
                          }
                        }
                      }
                    }
                  }
                },
                "else": { "actions": {} }
              }
            }
            """), new[] { Automation.Dataverse.LogicalName, Automation.Outlook.LogicalName, Automation.Teams.LogicalName });

        public static CloudFlow ReengageRecycled { get; } = new("reengagerecycled", "Lead Scoring - Start re-engagement when a lead is recycled",
            "When a lead's lifecycle stage changes to Recycled (sales handed it back): adds the lead to the marketing list ls_ReengagementListName names.",
            Build(new[] { Automation.ReengagementList }, $$"""
            {
              "When_a_lead_is_recycled": {
                "type": "OpenApiConnectionWebhook",
                "inputs": {
                  "host": { "connectionName": "{{DataverseApi}}", "operationId": "SubscribeWebhookTrigger", "apiId": "/providers/Microsoft.PowerApps/apis/{{DataverseApi}}" },
                  "parameters": {
                    "subscriptionRequest/message": 3,
                    "subscriptionRequest/entityname": "{{LeadColumns.Table}}",
                    "subscriptionRequest/scope": 4,
                    "subscriptionRequest/filteringattributes": "{{LeadColumns.LifecycleStage}}",
                    "subscriptionRequest/filterexpression": "{{LeadColumns.LifecycleStage}} eq {{LifecycleStageValues.Recycled}}",
                    "subscriptionRequest/runas": 3
                  },
                  "authentication": "@parameters('$authentication')"
                }
              }
            }
            """, AddToListActions("@triggerOutputs()?['body/" + LeadColumns.Id + "']", "{}")), new[] { Automation.Dataverse.LogicalName });

        public static CloudFlow ReengageDecaying { get; } = new("reengagedecaying", "Lead Scoring - Start re-engagement when a lead starts to decay",
            "When the first decay debit since a lead's last engagement is written: adds the lead to the marketing list ls_ReengagementListName names.",
            Build(new[] { Automation.ReengagementList }, $$"""
            {
              "When_a_decay_debit_is_written": {
                "type": "OpenApiConnectionWebhook",
                "inputs": {
                  "host": { "connectionName": "{{DataverseApi}}", "operationId": "SubscribeWebhookTrigger", "apiId": "/providers/Microsoft.PowerApps/apis/{{DataverseApi}}" },
                  "parameters": {
                    "subscriptionRequest/message": 1,
                    "subscriptionRequest/entityname": "{{ScoreEventColumns.Table}}",
                    "subscriptionRequest/scope": 4,
                    "subscriptionRequest/filterexpression": "{{ScoreEventColumns.Kind}} eq {{ScoreEventKindValues.Decay}}",
                    "subscriptionRequest/runas": 3
                  },
                  "authentication": "@parameters('$authentication')"
                }
              }
            }
            """, AddToListActions("@triggerOutputs()?['body/_" + ScoreEventColumns.LeadId + "_value']", $$"""
            {
              "Get_the_lead": {
                "runAfter": {},
                "type": "OpenApiConnection",
                "inputs": {
                  "host": { "connectionName": "{{DataverseApi}}", "operationId": "GetItem", "apiId": "/providers/Microsoft.PowerApps/apis/{{DataverseApi}}" },
                  "parameters": { "entityName": "leads", "recordId": "@triggerOutputs()?['body/_{{ScoreEventColumns.LeadId}}_value']", "$select": "{{LeadColumns.LastEngagementOn}}" },
                  "authentication": "@parameters('$authentication')"
                }
              },
              "List_the_first_decay_since_the_last_engagement": {
                "runAfter": { "Get_the_lead": [ "Succeeded" ] },
                "type": "OpenApiConnection",
                "inputs": {
                  "host": { "connectionName": "{{DataverseApi}}", "operationId": "ListRecords", "apiId": "/providers/Microsoft.PowerApps/apis/{{DataverseApi}}" },
                  "parameters": {
                    "entityName": "ls_scoreevents",
                    "$select": "{{ScoreEventColumns.Id}}",
                    "$filter": "_{{ScoreEventColumns.LeadId}}_value eq @{triggerOutputs()?['body/_{{ScoreEventColumns.LeadId}}_value']} and {{ScoreEventColumns.Kind}} eq {{ScoreEventKindValues.Decay}} and {{ScoreEventColumns.OccurredOn}} gt @{outputs('Get_the_lead')?['body/{{LeadColumns.LastEngagementOn}}']}",
                    "$orderby": "{{ScoreEventColumns.OccurredOn}} asc,createdon asc",
                    "$top": 1
                  },
                  "authentication": "@parameters('$authentication')"
                }
              }
            }
            """, firstDecayOnly: true)), new[] { Automation.Dataverse.LogicalName });

        public static IReadOnlyList<CloudFlow> All { get; } = new[] { DecayNightly, NotifySalesReady, ReengageRecycled, ReengageDecaying };

        /// <summary>
        /// Find the marketing list by name and add the lead to it (AddMemberList). When firstDecayOnly, only
        /// when the triggering score event is the first decay debit since the lead's last engagement.
        /// </summary>
        private static string AddToListActions(string leadId, string before, bool firstDecayOnly = false)
        {
            var actions = JsonNode.Parse(before)!.AsObject();
            string after = actions.Count == 0 ? "" : actions.Last().Key;
            var addToList = JsonNode.Parse($$"""
            {
              "Find_the_marketing_list": {
                "runAfter": {},
                "type": "OpenApiConnection",
                "inputs": {
                  "host": { "connectionName": "{{DataverseApi}}", "operationId": "ListRecords", "apiId": "/providers/Microsoft.PowerApps/apis/{{DataverseApi}}" },
                  "parameters": {
                    "entityName": "lists",
                    "$select": "listid",
                    "$filter": "listname eq '{{PI(Automation.ReengagementList)}}' and createdfromcode eq 4 and statecode eq 0",
                    "$top": 1
                  },
                  "authentication": "@parameters('$authentication')"
                }
              },
              "The_list_exists": {
                "runAfter": { "Find_the_marketing_list": [ "Succeeded" ] },
                "type": "If",
                "expression": { "greater": [ "@length(outputs('Find_the_marketing_list')?['body/value'])", 0 ] },
                "actions": {
                  "Add_the_lead_to_the_list": {
                    "runAfter": {},
                    "type": "OpenApiConnection",
                    "inputs": {
                      "host": { "connectionName": "{{DataverseApi}}", "operationId": "PerformUnboundAction", "apiId": "/providers/Microsoft.PowerApps/apis/{{DataverseApi}}" },
                      "parameters": {
                        "actionName": "AddMemberList",
                        "item/ListId": "@first(outputs('Find_the_marketing_list')?['body/value'])?['listid']",
                        "item/EntityId": "{{leadId}}"
                      },
                      "authentication": "@parameters('$authentication')"
                    }
                  }
                },
                "else": {
                  "actions": {
                    "No_such_list": {
                      "runAfter": {},
                      "type": "Terminate",
                      "inputs": { "runStatus": "Failed", "runError": { "code": "ListNotFound", "message": "No active lead marketing list is named '{{PI(Automation.ReengagementList)}}' (environment variable ls_ReengagementListName)." } }
                    }
                  }
                }
              }
            }
            """)!.AsObject();
            if (!firstDecayOnly)
            {
                return addToList.ToJsonString();
            }

            // Only the first decay debit of an inactive period starts re-engagement: later debits (and a
            // catch-up run that writes several at once) find an earlier one and stop here.
            var gate = JsonNode.Parse($$"""
            {
              "This_is_the_first_decay": {
                "runAfter": { "{{after}}": [ "Succeeded" ] },
                "type": "If",
                "expression": {
                  "equals": [
                    "@first(outputs('List_the_first_decay_since_the_last_engagement')?['body/value'])?['{{ScoreEventColumns.Id}}']",
                    "@triggerOutputs()?['body/{{ScoreEventColumns.Id}}']"
                  ]
                },
                "actions": {},
                "else": { "actions": {} }
              }
            }
            """)!.AsObject();
            var inner = gate["This_is_the_first_decay"]!["actions"]!.AsObject();
            foreach (var (name, action) in addToList.ToList())
            {
                addToList.Remove(name);
                inner.Add(name, action);
            }

            foreach (var (name, action) in gate.ToList())
            {
                gate.Remove(name);
                actions.Add(name, action);
            }

            return actions.ToJsonString();
        }

        /// <summary>A solution flow: connection references, the environment variables as parameters, triggers, actions.</summary>
        private static JsonObject Build(IEnumerable<EnvironmentVariable> variables, string triggers, string actions)
        {
            var parameters = new JsonObject
            {
                ["$connections"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "Object" },
                ["$authentication"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "SecureObject" },
            };
            foreach (var variable in variables)
            {
                parameters[Parameter(variable)] = new JsonObject
                {
                    ["defaultValue"] = variable.Type == EnvironmentVariable.Number ? JsonValue.Create(int.Parse(variable.DefaultValue, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(variable.DefaultValue),
                    ["type"] = variable.Type == EnvironmentVariable.Number ? "Int" : "String",
                    ["metadata"] = new JsonObject { ["schemaName"] = variable.SchemaName, ["description"] = variable.Description },
                };
            }

            return new JsonObject
            {
                ["$schema"] = "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
                ["contentVersion"] = "1.0.0.0",
                ["parameters"] = parameters,
                ["triggers"] = JsonNode.Parse(triggers),
                ["actions"] = JsonNode.Parse(actions),
            };
        }
    }
}
