using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;

namespace LeadScoring.SolutionTool
{
    /// <summary>
    /// Writes the unpacked solution (the layout `pac solution unpack` produces) from the definition
    /// (Definition/), pac-config.json (identity, assembly, steps, images, Custom APIs) and
    /// WebResources/webresources.json. Output is deterministic: same input, same bytes.
    ///
    /// Shapes follow Microsoft Learn and public unpacked solutions (cited in docs/deploy.md):
    /// "Solution component file reference (SolutionPackager)", "Create a custom API with solution
    /// files", the Form XML, SavedQuery and FetchXML references, the CustomAPI tables reference.
    /// </summary>
    public sealed class SolutionGenerator
    {
        public const string IntroducedVersion = "1.0.0.0";
        public const int Language = 1033;

        private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

        // SDK message ids are the same in every Dataverse environment.
        public static readonly IReadOnlyDictionary<string, Guid> MessageIds = new Dictionary<string, Guid>
        {
            ["Create"] = new("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            ["Update"] = new("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
            ["Delete"] = new("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        };

        // Custom API parameter types (customapirequestparameter.type).
        public static readonly IReadOnlyDictionary<string, int> ParameterTypes = new Dictionary<string, int>
        {
            ["Boolean"] = 0,
            ["DateTime"] = 1,
            ["Decimal"] = 2,
            ["Entity"] = 3,
            ["EntityCollection"] = 4,
            ["EntityReference"] = 5,
            ["Float"] = 6,
            ["Integer"] = 7,
            ["Money"] = 8,
            ["Picklist"] = 9,
            ["String"] = 10,
            ["StringArray"] = 11,
            ["Guid"] = 12,
        };

        // Form control class ids (Form XML reference, <control>).
        public const string TextControl = "{4273EDBD-AC1D-40d3-9FB2-095C621B552D}";
        public const string MemoControl = "{E0DECE4B-6FC8-4a8f-A065-082708572369}";
        public const string IntegerControl = "{C6D124CA-7EDA-4a60-AEA9-7FB8D318B68F}";
        public const string DateTimeControl = "{5B773807-9FB2-42db-97C3-7A91EFF8ADFF}";
        public const string PicklistControl = "{3EF39988-22BB-4f0b-BBBE-64B5A3748AEE}";
        public const string LookupControl = "{270BD3DB-D9AF-4782-9025-509E298DEC0A}";
        public const string TwoOptionsControl = "{67FAC785-CD58-4f9f-ABB3-4B7DDC6ED5ED}";
        public const string MoneyControl = "{533B9E00-756B-4312-95A0-DC888637AC78}";
        public const string EmailControl = "{ADA2203E-B4CD-49be-9DDF-234642B43B52}";
        public const string UrlControl = "{71716B6C-711E-476c-8AB8-5D11542BFB47}";
        public const string SubgridControl = "{E7A81278-8635-4D9E-8D4D-59480B391C5B}";
        public const string WebResourceControl = "{9FDF5F91-88B1-47f4-AD53-C11EFC01A01D}";

        /// <summary>Controls of the standard lead columns on the lead form.</summary>
        private static readonly Dictionary<string, string> StandardControls = new()
        {
            ["subject"] = TextControl,
            ["firstname"] = TextControl,
            ["lastname"] = TextControl,
            ["jobtitle"] = TextControl,
            ["companyname"] = TextControl,
            ["emailaddress1"] = EmailControl,
            ["telephone1"] = TextControl,
            ["ownerid"] = LookupControl,
            ["leadsourcecode"] = PicklistControl,
            ["industrycode"] = PicklistControl,
            ["numberofemployees"] = IntegerControl,
            ["revenue"] = MoneyControl,
            ["budgetamount"] = MoneyControl,
            ["purchasetimeframe"] = PicklistControl,
            ["decisionmaker"] = TwoOptionsControl,
        };

        private readonly string root;
        private readonly PacConfigFile config;
        private readonly IReadOnlyList<WebResource> webResources;
        private readonly string assemblyFullName;

        public SolutionGenerator(string repositoryRoot)
        {
            root = repositoryRoot;
            config = PacConfigFile.Read(Path.Combine(root, "pac-config.json"));
            webResources = ReadWebResources(Path.Combine(root, "WebResources", "webresources.json"));
            assemblyFullName = PluginAssemblyFullName(root, config.PluginAssembly.Name);
        }

        public PacConfigFile Config => config;

        public IReadOnlyList<WebResource> WebResources => webResources;

        /// <summary>"LeadScoring.Plugins, Version=1.0.0.0, Culture=neutral, PublicKeyToken=…": from the project's Version and its .snk.</summary>
        public string AssemblyFullName => assemblyFullName;

        /// <summary>The folder of the assembly under PluginAssemblies/: its name and its id, upper case.</summary>
        public string AssemblyFolder => config.PluginAssembly.Name + "-" + config.PluginAssembly.Id.ToString("D").ToUpperInvariant();

        public static string PluginAssemblyFullName(string repositoryRoot, string assemblyName)
        {
            string project = File.ReadAllText(Path.Combine(repositoryRoot, "Plugins", "LeadScoring.Plugins.csproj"));
            var match = Regex.Match(project, "<Version>([0-9.]+)</Version>");
            if (!match.Success)
            {
                throw new SolutionToolException("Plugins/LeadScoring.Plugins.csproj has no <Version>.");
            }

            var version = Version.Parse(match.Groups[1].Value);
            string fourPart = new Version(version.Major, version.Minor, Math.Max(version.Build, 0), Math.Max(version.Revision, 0)).ToString();
            string token = StrongName.TokenOfKeyFile(Path.Combine(repositoryRoot, "Plugins", "LeadScoring.Plugins.snk"));
            return $"{assemblyName}, Version={fourPart}, Culture=neutral, PublicKeyToken={token}";
        }

        public static IReadOnlyList<WebResource> ReadWebResources(string path)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            return json.RootElement.GetProperty("webResources").EnumerateArray()
                .Select(e => new WebResource(e.GetProperty("name").GetString()!, e.GetProperty("displayName").GetString()!, e.GetProperty("type").GetInt32()))
                .ToList();
        }

        /// <summary>The id of a plug-in type: the activity's id from pac-config, else derived from the type's name.</summary>
        public Guid PluginTypeId(string typeName) =>
            config.WorkflowActivities.FirstOrDefault(a => a.Type == typeName)?.Id ?? StableId.For("plugintype", typeName);

        /// <summary>Every file of the unpacked solution: path relative to Solution/ (forward slashes) → content.</summary>
        public SortedDictionary<string, string> Generate()
        {
            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            void Add(string path, XElement element) => files.Add(path, Serialize(element));

            Add("Other/Solution.xml", SolutionXml());
            Add("Other/Customizations.xml", CustomizationsXml());

            var relationships = Relationships().ToList();
            Add("Other/Relationships.xml", new XElement("EntityRelationships", XsiAttribute(),
                relationships.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new XElement("EntityRelationship", new XAttribute("Name", r.Name)))));
            foreach (var group in relationships.GroupBy(r => r.Referenced).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Add($"Other/Relationships/{group.Key}.xml", new XElement("EntityRelationships", XsiAttribute(),
                    group.OrderBy(r => r.Name, StringComparer.Ordinal).Select(RelationshipXml)));
            }

            foreach (var table in Tables.All)
            {
                string folder = "Entities/" + table.SchemaName;
                Add(folder + "/Entity.xml", EntityXml(table));
                foreach (var form in Forms.All.Where(f => f.Table == table.Name))
                {
                    Add($"{folder}/FormXml/main/{Braced(form.Id)}.xml", new XElement("forms", XsiAttribute(), FormXml(form)));
                }

                foreach (var view in Views.All.Where(v => v.Table == table.Name))
                {
                    Add($"{folder}/SavedQueries/{Braced(view.Id)}.xml", new XElement("savedqueries", XsiAttribute(), ViewXml(view)));
                }

                foreach (var chart in Reporting.Charts.Where(c => c.Table == table.Name))
                {
                    Add($"{folder}/Visualizations/{Braced(chart.Id)}.xml", ChartXml(chart));
                }

                if (Ribbon.Lead.Table == table.Name)
                {
                    Add(folder + "/RibbonDiff.xml", XElement.Parse(Ribbon.Lead.Xml));
                }
            }

            Add($"Dashboards/{Braced(Reporting.Health.Id)}.xml", DashboardXml(Reporting.Health));

            foreach (var flow in Flows.All)
            {
                files.Add($"Workflows/{flow.FileName}.json", FlowJson(flow));
                Add($"Workflows/{flow.FileName}.json.data.xml", FlowDataXml(flow));
            }

            foreach (var workflow in ClassicWorkflows.All(assemblyFullName))
            {
                files.Add($"Workflows/{workflow.FileName}.xaml", SerializeDocument(XDocument.Parse(workflow.Xaml)));
                Add($"Workflows/{workflow.FileName}.xaml.data.xml", ClassicWorkflowDataXml(workflow));
            }

            foreach (var variable in Automation.EnvironmentVariables)
            {
                Add($"environmentvariabledefinitions/{variable.SchemaName}/environmentvariabledefinition.xml", EnvironmentVariableXml(variable));
            }

            foreach (var choice in Choices.All)
            {
                Add($"OptionSets/{choice.Name}.xml", OptionSetXml(choice));
            }

            foreach (var role in Security.Roles)
            {
                Add($"Roles/{role.Name}.xml", RoleXml(role));
            }

            Add($"PluginAssemblies/{AssemblyFolder}/{config.PluginAssembly.Name}.dll.data.xml", PluginAssemblyXml());
            foreach (var step in config.Steps)
            {
                Add($"SdkMessageProcessingSteps/{Braced(step.Id)}.xml", StepXml(step));
            }

            foreach (var api in config.CustomApis)
            {
                string folder = "customapis/" + api.UniqueName;
                Add(folder + "/customapi.xml", CustomApiXml(api));
                foreach (var parameter in api.RequestParameters)
                {
                    Add($"{folder}/customapirequestparameters/{parameter.Name}/customapirequestparameter.xml", ApiParameterXml(api, parameter, request: true));
                }

                foreach (var property in api.ResponseProperties)
                {
                    Add($"{folder}/customapiresponseproperties/{property.Name}/customapiresponseproperty.xml", ApiParameterXml(api, property, request: false));
                }
            }

            foreach (var resource in webResources)
            {
                Add($"WebResources/{resource.Name}.data.xml", WebResourceXml(resource));
            }

            Add($"AppModules/{App.Admin.UniqueName}/AppModule.xml", AppModuleXml(App.Admin));
            Add($"AppModuleSiteMaps/{App.Admin.UniqueName}/AppModuleSiteMap.xml", SiteMapXml(App.Admin));
            return files;
        }

        /// <summary>Writes the files into Solution/, removing any file the definition no longer produces (README.md stays).</summary>
        public void WriteTo(string solutionFolder)
        {
            var files = Generate();
            if (Directory.Exists(solutionFolder))
            {
                foreach (string existing in Directory.EnumerateFiles(solutionFolder, "*", SearchOption.AllDirectories))
                {
                    string relative = Path.GetRelativePath(solutionFolder, existing).Replace('\\', '/');
                    if (relative != "README.md" && !files.ContainsKey(relative))
                    {
                        File.Delete(existing);
                    }
                }
            }

            foreach (var (relative, content) in files)
            {
                string path = Path.Combine(solutionFolder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                if (!File.Exists(path) || File.ReadAllText(path) != content)
                {
                    File.WriteAllText(path, content);
                }
            }

            foreach (string directory in Directory.EnumerateDirectories(solutionFolder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
            {
                if (!Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    Directory.Delete(directory);
                }
            }
        }

        public static string Serialize(XElement element)
        {
            var document = new XDocument(new XDeclaration("1.0", "utf-8", null), element);
            using var stream = new MemoryStream();
            var settings = new System.Xml.XmlWriterSettings
            {
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                Encoding = new System.Text.UTF8Encoding(false),
            };
            using (var writer = System.Xml.XmlWriter.Create(stream, settings))
            {
                document.Save(writer);
            }

            return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        /// <summary>A XAML document: indented like the other files, with its own declaration.</summary>
        private static string SerializeDocument(XDocument document) => Serialize(document.Root!);

        public static string Braced(Guid id) => "{" + id.ToString("D") + "}";

        private static string Bit(bool value) => value ? "1" : "0";

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static XAttribute XsiAttribute() => new(XNamespace.Xmlns + "xsi", Xsi.NamespaceName);

        private static XElement Labels(string elementName, string labelName, string text) =>
            new(elementName, new XElement(labelName, new XAttribute("description", text), new XAttribute("languagecode", Language)));

        // ---------------------------------------------------------------- solution.xml, customizations.xml

        private XElement SolutionXml()
        {
            var identity = config.Solution;
            var publisher = identity.Publisher;
            var roots = new List<XElement>();
            XElement Root(int type, string? schemaName = null, Guid? id = null, int behavior = 0)
            {
                var element = new XElement("RootComponent", new XAttribute("type", type));
                if (schemaName != null)
                {
                    element.Add(new XAttribute("schemaName", schemaName));
                }

                if (id != null)
                {
                    element.Add(new XAttribute("id", Braced(id.Value)));
                }

                element.Add(new XAttribute("behavior", behavior));
                return element;
            }

            // Component types (solutioncomponent.componenttype): 1 Entity, 9 OptionSet, 20 Role, 26 SavedQuery,
            // 60 SystemForm, 61 WebResource, 62 SiteMap, 70 FieldSecurityProfile, 80 AppModule, 91 PluginAssembly,
            // 92 SdkMessageProcessingStep, 29 Workflow (flows and classic workflows), 59 SavedQueryVisualization,
            // 371 Connection reference, 380 Environment variable definition. New tables come with all their subcomponents (behavior 0); lead comes
            // without (behavior 2): only the columns in its Entity.xml and the form and views listed here.
            foreach (var table in Tables.All)
            {
                roots.Add(Root(1, table.Name, behavior: table.IsNew ? 0 : 2));
            }

            roots.AddRange(Choices.All.Select(c => Root(9, c.Name)));
            roots.AddRange(Security.Roles.Select(r => Root(20, id: r.Id)));
            var standard = Tables.All.Where(t => !t.IsNew).Select(t => t.Name).ToHashSet();
            roots.AddRange(Views.All.Where(v => standard.Contains(v.Table)).Select(v => Root(26, id: v.Id)));
            roots.AddRange(Forms.All.Where(f => standard.Contains(f.Table)).Select(f => Root(60, id: f.Id)));
            roots.AddRange(Reporting.Charts.Where(c => standard.Contains(c.Table)).Select(c => Root(59, id: c.Id)));
            roots.Add(Root(60, id: Reporting.Health.Id));
            roots.AddRange(Flows.All.Select(f => Root(29, id: f.Id)));
            roots.AddRange(ClassicWorkflows.All(assemblyFullName).Select(w => Root(29, id: w.Id)));
            roots.AddRange(webResources.Select(w => Root(61, w.Name)));
            roots.Add(Root(62, App.Admin.UniqueName));
            roots.Add(Root(70, id: Security.ScoreReaders.Id));
            roots.Add(Root(80, App.Admin.UniqueName));
            roots.Add(Root(91, id: config.PluginAssembly.Id));
            roots.AddRange(config.Steps.Select(s => Root(92, id: s.Id)));
            roots.AddRange(Automation.ConnectionReferences.Select(c => Root(371, c.LogicalName)));
            roots.AddRange(Automation.EnvironmentVariables.Select(v => Root(380, v.SchemaName)));

            return new XElement("ImportExportXml",
                new XAttribute("version", "9.2.0.0"),
                new XAttribute("SolutionPackageVersion", "9.2"),
                new XAttribute("languagecode", Language),
                new XAttribute("generatedBy", "CrmLive"),
                XsiAttribute(),
                new XElement("SolutionManifest",
                    new XElement("UniqueName", identity.UniqueName),
                    Labels("LocalizedNames", "LocalizedName", identity.DisplayName),
                    Labels("Descriptions", "Description", identity.Description),
                    new XElement("Version", identity.Version),
                    new XElement("Managed", "0"),
                    new XElement("Publisher",
                        new XElement("UniqueName", publisher.UniqueName),
                        Labels("LocalizedNames", "LocalizedName", publisher.DisplayName),
                        new XElement("Descriptions"),
                        new XElement("EMailAddress", new XAttribute(Xsi + "nil", "true")),
                        new XElement("SupportingWebsiteUrl", new XAttribute(Xsi + "nil", "true")),
                        new XElement("CustomizationPrefix", publisher.Prefix),
                        new XElement("CustomizationOptionValuePrefix", Text(publisher.OptionValuePrefix)),
                        new XElement("Addresses")),
                    new XElement("RootComponents", roots),
                    new XElement("MissingDependencies")));
        }

        /// <summary>
        /// Customizations.xml as `pac solution unpack` leaves it: the components that have their own files
        /// are empty elements here (the packer fills them in); the field security profile lives here.
        /// </summary>
        private static XElement CustomizationsXml()
        {
            var profile = Security.ScoreReaders;
            return new XElement("ImportExportXml", XsiAttribute(),
                new XElement("Entities"),
                new XElement("Roles"),
                new XElement("Workflows"),
                new XElement("FieldSecurityProfiles",
                    new XElement("FieldSecurityProfile",
                        new XAttribute("fieldsecurityprofileid", Braced(profile.Id)),
                        new XAttribute("name", profile.Name),
                        new XAttribute("description", profile.Description),
                        new XElement("FieldPermissions", profile.Permissions.Select(p => new XElement("FieldPermission",
                            new XAttribute("entityname", p.Table),
                            new XAttribute("attributelogicalname", p.Column),
                            // field_security_permission_type: 0 Not Allowed, 4 Allowed.
                            new XAttribute("canread", p.CanRead ? "4" : "0"),
                            new XAttribute("cancreate", p.CanCreate ? "4" : "0"),
                            new XAttribute("canupdate", p.CanUpdate ? "4" : "0"),
                            new XAttribute("canreadunmasked", "0")))))),
                new XElement("Templates"),
                new XElement("EntityMaps"),
                new XElement("EntityRelationships"),
                new XElement("OrganizationSettings"),
                new XElement("optionsets"),
                new XElement("Dashboards"),
                new XElement("CustomControls"),
                new XElement("SolutionPluginAssemblies"),
                new XElement("SdkMessageProcessingSteps"),
                new XElement("ServiceEndpoints"),
                new XElement("WebResources"),
                new XElement("AppModuleSiteMaps"),
                new XElement("AppModules"),
                new XElement("EntityDataProviders"),
                new XElement("connectionreferences", Automation.ConnectionReferences.Select(c => new XElement("connectionreference",
                    new XAttribute("connectionreferencelogicalname", c.LogicalName),
                    new XElement("connectionreferencedisplayname", c.DisplayName),
                    new XElement("connectorid", c.ConnectorId),
                    new XElement("description", c.Description),
                    new XElement("iscustomizable", "1"),
                    new XElement("promptingbehavior", "0"),
                    new XElement("statecode", "0"),
                    new XElement("statuscode", "1")))),
                new XElement("Languages", new XElement("Language", Language)));
        }

        // ---------------------------------------------------------------- tables

        private XElement EntityXml(Table table)
        {
            var attributes = new XElement("attributes", table.Columns.Select(c => AttributeXml(table, c)));
            if (!table.IsNew)
            {
                return new XElement("Entity", XsiAttribute(),
                    new XElement("Name", new XAttribute("LocalizedName", table.Label), new XAttribute("OriginalName", table.Label), table.SchemaName),
                    new XElement("EntityInfo", new XElement("entity", new XAttribute("Name", table.SchemaName), new XAttribute("unmodified", "1"), attributes)),
                    new XElement("FormXml"),
                    new XElement("SavedQueries"),
                    new XElement("RibbonDiffXml"));
            }

            var entity = new XElement("entity", new XAttribute("Name", table.SchemaName),
                Labels("LocalizedNames", "LocalizedName", table.Label),
                Labels("LocalizedCollectionNames", "LocalizedCollectionName", table.PluralLabel),
                Labels("Descriptions", "Description", table.Description),
                attributes);
            if (table.Keys.Count > 0)
            {
                entity.Add(new XElement("EntityKeys", table.Keys.Select(k => new XElement("EntityKey",
                    new XElement("Name", k.Name),
                    new XElement("LogicalName", k.Name),
                    new XElement("IntroducedVersion", IntroducedVersion),
                    new XElement("IsCustomizable", "1"),
                    new XElement("EntityKeyAttributes", k.Columns.Select(c => new XElement("AttributeName", c))),
                    Labels("displaynames", "displayname", k.Label)))));
            }

            entity.Add(
                new XElement("EntitySetName", table.Name + "s"),
                new XElement("IsDuplicateCheckSupported", "0"),
                new XElement("IsBusinessProcessEnabled", "0"),
                new XElement("IsRequiredOffline", "0"),
                new XElement("IsInteractionCentricEnabled", "0"),
                new XElement("IsCollaboration", "0"),
                new XElement("AutoRouteToOwnerQueue", "0"),
                new XElement("IsConnectionsEnabled", "0"),
                new XElement("EntityColor"),
                new XElement("IsDocumentManagementEnabled", "0"),
                new XElement("AutoCreateAccessTeams", "0"),
                new XElement("IsOneNoteIntegrationEnabled", "0"),
                new XElement("IsKnowledgeManagementEnabled", "0"),
                new XElement("IsSLAEnabled", "0"),
                new XElement("IsDocumentRecommendationsEnabled", "0"),
                new XElement("IsBPFEntity", "0"),
                new XElement("OwnershipTypeMask", "OrgOwned"),
                new XElement("IsAuditEnabled", "1"),
                new XElement("IsRetrieveAuditEnabled", "0"),
                new XElement("IsRetrieveMultipleAuditEnabled", "0"),
                new XElement("IsActivity", "0"),
                new XElement("ActivityTypeMask"),
                new XElement("IsActivityParty", "0"),
                new XElement("IsReplicated", "0"),
                new XElement("IsReplicationUserFiltered", "0"),
                new XElement("IsMailMergeEnabled", "0"),
                new XElement("IsVisibleInMobile", "0"),
                new XElement("IsVisibleInMobileClient", "1"),
                new XElement("IsReadOnlyInMobileClient", "0"),
                new XElement("IsOfflineInMobileClient", "0"),
                new XElement("DaysSinceRecordLastModified", "0"),
                new XElement("MobileOfflineFilters"),
                new XElement("IsMapiGridEnabled", "1"),
                new XElement("IsReadingPaneEnabled", "1"),
                new XElement("IsQuickCreateEnabled", "0"),
                new XElement("SyncToExternalSearchIndex", "0"),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsCustomizable", "1"),
                new XElement("IsRenameable", "1"),
                new XElement("IsMappable", "1"),
                new XElement("CanModifyAuditSettings", "1"),
                new XElement("CanModifyMobileVisibility", "1"),
                new XElement("CanModifyMobileClientVisibility", "1"),
                new XElement("CanModifyMobileClientReadOnly", "1"),
                new XElement("CanModifyMobileClientOffline", "1"),
                new XElement("CanModifyConnectionSettings", "1"),
                new XElement("CanModifyDuplicateDetectionSettings", "1"),
                new XElement("CanModifyMailMergeSettings", "1"),
                new XElement("CanModifyQueueSettings", "1"),
                new XElement("CanCreateAttributes", "1"),
                new XElement("CanCreateForms", "1"),
                new XElement("CanCreateCharts", "1"),
                new XElement("CanCreateViews", "1"),
                new XElement("CanModifyAdditionalSettings", "1"),
                new XElement("CanEnableSyncToExternalSearchIndex", "1"),
                new XElement("EnforceStateTransitions", "0"),
                new XElement("CanChangeHierarchicalRelationship", "1"),
                new XElement("EntityHelpUrlEnabled", "0"),
                new XElement("ChangeTrackingEnabled", "0"),
                new XElement("CanChangeTrackingBeEnabled", "1"),
                new XElement("IsEnabledForExternalChannels", "0"),
                new XElement("IsSolutionAware", "0"));

            return new XElement("Entity", XsiAttribute(),
                new XElement("Name", new XAttribute("LocalizedName", table.Label), new XAttribute("OriginalName", table.Label), table.SchemaName),
                new XElement("EntityInfo", entity),
                new XElement("FormXml"),
                new XElement("SavedQueries"),
                new XElement("RibbonDiffXml"));
        }

        public static string XmlType(ColumnKind kind) => kind switch
        {
            ColumnKind.PrimaryKey => "primarykey",
            ColumnKind.Text => "nvarchar",
            ColumnKind.Memo => "ntext",
            ColumnKind.WholeNumber => "int",
            ColumnKind.DateTime => "datetime",
            ColumnKind.Choice => "picklist",
            ColumnKind.Lookup => "lookup",
            ColumnKind.TwoOptions => "bit",
            ColumnKind.Owner => "owner",
            ColumnKind.State => "state",
            ColumnKind.Status => "status",
            ColumnKind.BigInt => "bigint",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        private static XElement AttributeXml(Table table, Column column)
        {
            bool primaryName = column.Name == table.PrimaryNameColumn;
            string mask = column.Kind == ColumnKind.PrimaryKey ? "ValidForAdvancedFind|RequiredForGrid"
                : primaryName ? "PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm"
                : "ValidForAdvancedFind|ValidForForm|ValidForGrid";
            var attribute = new XElement("attribute", new XAttribute("PhysicalName", column.Name),
                new XElement("Type", XmlType(column.Kind)),
                new XElement("Name", column.Name),
                new XElement("LogicalName", column.Name),
                new XElement("RequiredLevel", column.RequiredLevel),
                new XElement("DisplayMask", mask),
                new XElement("ImeMode", column.Kind == ColumnKind.DateTime ? "inactive" : "auto"),
                new XElement("ValidForUpdateApi", Bit(column.ValidForUpdate)),
                new XElement("ValidForReadApi", "1"),
                new XElement("ValidForCreateApi", Bit(column.ValidForCreate)),
                new XElement("IsCustomField", Bit(!column.IsSystem && column.Kind != ColumnKind.PrimaryKey)),
                new XElement("IsAuditEnabled", Bit(!column.IsSystem)),
                new XElement("IsSecured", Bit(column.Secured)),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsCustomizable", "1"),
                new XElement("IsRenameable", "1"),
                new XElement("CanModifySearchSettings", "1"),
                new XElement("CanModifyRequirementLevelSettings", Bit(column.Kind != ColumnKind.PrimaryKey)),
                new XElement("CanModifyAdditionalSettings", "1"),
                new XElement("SourceType", "0"),
                new XElement("IsGlobalFilterEnabled", "0"),
                new XElement("IsSortableEnabled", "0"),
                new XElement("CanModifyGlobalFilterSettings", "1"),
                new XElement("CanModifyIsSortableSettings", "1"),
                new XElement("IsDataSourceSecret", "0"),
                new XElement("AutoNumberFormat"),
                new XElement("IsSearchable", Bit(primaryName)),
                new XElement("IsFilterable", Bit(column.Kind is ColumnKind.PrimaryKey or ColumnKind.State or ColumnKind.Choice or ColumnKind.Lookup)),
                new XElement("IsRetrievable", Bit(primaryName || column.Kind == ColumnKind.PrimaryKey)),
                new XElement("IsLocalizable", "0"));

            switch (column.Kind)
            {
                case ColumnKind.Text:
                    attribute.Add(new XElement("Format", column.Format), new XElement("MaxLength", Text(column.MaxLength)), new XElement("Length", Text(column.MaxLength * 2)));
                    break;
                case ColumnKind.Memo:
                    attribute.Add(new XElement("Format", "text"), new XElement("MaxLength", Text(column.MaxLength)));
                    break;
                case ColumnKind.WholeNumber:
                    attribute.Add(new XElement("Format"), new XElement("MinValue", Text(column.MinValue)), new XElement("MaxValue", Text(column.MaxValue)));
                    break;
                case ColumnKind.BigInt:
                    attribute.Add(new XElement("MinValue", "-9223372036854775808"), new XElement("MaxValue", "9223372036854775807"));
                    break;
                case ColumnKind.DateTime:
                    // Behavior 1 = User local: stored in UTC, shown in the user's time zone.
                    attribute.Add(new XElement("Format", "datetime"), new XElement("CanChangeDateTimeBehavior", Bit(!column.IsSystem)), new XElement("Behavior", "1"));
                    break;
                case ColumnKind.Choice:
                    attribute.Add(new XElement("AppDefaultValue", "-1"), new XElement("OptionSetName", column.Choice));
                    break;
                case ColumnKind.Lookup:
                    attribute.Add(new XElement("LookupStyle", "single"), new XElement("LookupTypes"));
                    break;
                case ColumnKind.State:
                    attribute.Add(new XElement("optionset", new XAttribute("Name", table.Name + "_statecode"),
                        new XElement("OptionSetType", "state"),
                        new XElement("IntroducedVersion", IntroducedVersion),
                        new XElement("IsCustomizable", "1"),
                        Labels("displaynames", "displayname", "Status"),
                        Labels("Descriptions", "Description", column.Description),
                        new XElement("states",
                            State(0, 1, "Active"),
                            State(1, 2, "Inactive"))));
                    break;
                case ColumnKind.Status:
                    attribute.Add(new XElement("optionset", new XAttribute("Name", table.Name + "_statuscode"),
                        new XElement("OptionSetType", "status"),
                        new XElement("IntroducedVersion", IntroducedVersion),
                        new XElement("IsCustomizable", "1"),
                        Labels("displaynames", "displayname", "Status Reason"),
                        Labels("Descriptions", "Description", column.Description),
                        new XElement("statuses",
                            Status(1, 0, "Active"),
                            Status(2, 1, "Inactive"))));
                    break;
            }

            attribute.Add(Labels("displaynames", "displayname", column.Label), Labels("Descriptions", "Description", column.Description));
            return attribute;

            static XElement State(int value, int defaultStatus, string label) =>
                new("state", new XAttribute("value", value), new XAttribute("defaultstatus", defaultStatus), new XAttribute("invariantname", label),
                    Labels("labels", "label", label));

            static XElement Status(int value, int state, string label) =>
                new("status", new XAttribute("value", value), new XAttribute("state", state), Labels("labels", "label", label));
        }

        private static XElement OptionSetXml(Choice choice) =>
            new("optionset", new XAttribute("Name", choice.Name), new XAttribute("localizedName", choice.Label), XsiAttribute(),
                new XElement("OptionSetType", "picklist"),
                new XElement("IsGlobal", "1"),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsCustomizable", "1"),
                new XElement("ExternalTypeName"),
                Labels("displaynames", "displayname", choice.Label),
                Labels("Descriptions", "Description", choice.Description),
                new XElement("options", choice.Options.Select(o => new XElement("option",
                    new XAttribute("value", Text(o.Value)),
                    new XAttribute("ExternalValue", ""),
                    new XAttribute("IsHidden", "0"),
                    Labels("labels", "label", o.Label)))));

        // ---------------------------------------------------------------- relationships

        /// <summary>A one-to-many relationship: Referenced (the "one", by schema name) to Referencing via its lookup.</summary>
        public sealed record Relationship(string Name, string Referenced, string Referencing, string Lookup, string CascadeDelete, string Description, bool Custom);

        private static readonly Dictionary<string, string> SchemaNames = new()
        {
            ["lead"] = "Lead",
            ["systemuser"] = "SystemUser",
            ["organization"] = "Organization",
        };

        private static string SchemaName(string table) => SchemaNames.TryGetValue(table, out var name) ? name : table;

        public static IEnumerable<Relationship> Relationships()
        {
            foreach (var table in Tables.All)
            {
                foreach (var column in table.Columns.Where(c => c.Kind == ColumnKind.Lookup && !c.IsSystem))
                {
                    yield return new Relationship(column.Relationship!, SchemaName(column.Target!), table.SchemaName, column.Name, column.CascadeDelete, column.Description, Custom: true);
                }

                if (!table.IsNew)
                {
                    continue;
                }

                string Physical(string name) => name switch
                {
                    "createdby" => "CreatedBy",
                    "createdonbehalfby" => "CreatedOnBehalfBy",
                    "modifiedby" => "ModifiedBy",
                    "modifiedonbehalfby" => "ModifiedOnBehalfBy",
                    _ => "OrganizationId",
                };
                foreach (var column in table.Columns.Where(c => c.Kind == ColumnKind.Lookup && c.IsSystem))
                {
                    string name = column.Name == "organizationid" ? "organization_" + table.Name : "lk_" + table.Name + "_" + column.Name;
                    yield return new Relationship(name, SchemaName(column.Target!), table.SchemaName, Physical(column.Name), "NoCascade", column.Description, Custom: false);
                }
            }
        }

        private static XElement RelationshipXml(Relationship r)
        {
            var element = new XElement("EntityRelationship", new XAttribute("Name", r.Name),
                new XElement("EntityRelationshipType", "OneToMany"),
                new XElement("IsCustomizable", "1"),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsHierarchical", "0"),
                new XElement("ReferencingEntityName", r.Referencing),
                new XElement("ReferencedEntityName", r.Referenced),
                new XElement("CascadeAssign", "NoCascade"),
                new XElement("CascadeDelete", r.CascadeDelete),
                new XElement("CascadeReparent", "NoCascade"),
                new XElement("CascadeShare", "NoCascade"),
                new XElement("CascadeUnshare", "NoCascade"),
                new XElement("ReferencingAttributeName", r.Lookup),
                new XElement("RelationshipDescription", Labels("Descriptions", "Description", r.Description)));
            if (r.Custom)
            {
                element.Add(new XElement("EntityRelationshipRoles",
                    new XElement("EntityRelationshipRole",
                        new XElement("NavPaneDisplayOption", "UseCollectionName"),
                        new XElement("NavPaneArea", "Details"),
                        new XElement("NavPaneOrder", "10000"),
                        new XElement("NavigationPropertyName", r.Lookup),
                        new XElement("RelationshipRoleType", "1")),
                    new XElement("EntityRelationshipRole",
                        new XElement("NavigationPropertyName", r.Name),
                        new XElement("RelationshipRoleType", "0"))));
            }

            return element;
        }

        // ---------------------------------------------------------------- forms and views

        private XElement FormXml(Form form)
        {
            var table = Tables.All.Single(t => t.Name == form.Table);
            Guid Id(string part) => StableId.For("form", form.Table + "/" + form.Key + "/" + part);

            XElement CellXml(Section section, Cell cell)
            {
                string path = section.Name + "/" + cell.Name;
                var element = new XElement("cell", new XAttribute("id", Braced(Id("cell/" + path))), new XAttribute("showlabel", "true"), new XAttribute("locklevel", "0"));
                element.Add(Labels("labels", "label", cell.Label));
                switch (cell)
                {
                    case FieldCell field:
                        element.Add(new XElement("control",
                            new XAttribute("id", field.Column),
                            new XAttribute("classid", ControlOf(table, field.Column)),
                            new XAttribute("datafieldname", field.Column),
                            new XAttribute("disabled", field.ReadOnly ? "true" : "false")));
                        break;
                    case SubgridCell grid:
                        element.SetAttributeValue("showlabel", "false");
                        element.Add(new XAttribute("rowspan", grid.Rows), new XAttribute("colspan", 1), new XAttribute("auto", "false"));
                        element.Add(new XElement("control",
                            new XAttribute("indicationOfSubgrid", "true"),
                            new XAttribute("id", grid.Name),
                            new XAttribute("classid", SubgridControl),
                            new XElement("parameters",
                                new XElement("ViewId", Braced(grid.ViewId)),
                                new XElement("IsUserView", "false"),
                                new XElement("RelationshipName", grid.Relationship),
                                new XElement("TargetEntityType", grid.TargetTable),
                                new XElement("AutoExpand", "Fixed"),
                                new XElement("EnableQuickFind", "false"),
                                new XElement("EnableViewPicker", "false"),
                                new XElement("ViewIds", Braced(grid.ViewId)),
                                new XElement("EnableJumpBar", "false"),
                                new XElement("ChartGridMode", "Grid"),
                                new XElement("VisualizationId"),
                                new XElement("IsUserChart", "false"),
                                new XElement("EnableChartPicker", "false"),
                                new XElement("RecordsPerPage", Text(grid.Rows)))));
                        break;
                    case WebResourceCell web:
                        element.SetAttributeValue("showlabel", "false");
                        element.Add(new XAttribute("rowspan", web.Rows), new XAttribute("colspan", 1), new XAttribute("auto", "false"));
                        var resource = webResources.SingleOrDefault(w => w.Name == web.WebResource)
                            ?? throw new SolutionToolException($"Form '{form.Name}' shows web resource {web.WebResource}, which webresources.json does not list.");
                        element.Add(new XElement("control",
                            new XAttribute("id", "WebResource_" + web.Name),
                            new XAttribute("classid", WebResourceControl),
                            new XElement("parameters",
                                new XElement("Url", web.WebResource),
                                new XElement("PassParameters", web.PassParameters ? "true" : "false"),
                                new XElement("Security", "false"),
                                new XElement("Scrolling", "auto"),
                                new XElement("Border", "false"),
                                new XElement("WebResourceId", Braced(resource.Id)))));
                        break;
                }

                return element;
            }

            XElement SectionXml(Tab tab, Section section)
            {
                var rows = new XElement("rows");
                foreach (var chunk in section.Cells.Chunk(section.Columns))
                {
                    rows.Add(new XElement("row", chunk.Select(c => CellXml(section, c))));
                    int span = chunk.OfType<SubgridCell>().Select(c => c.Rows).Concat(chunk.OfType<WebResourceCell>().Select(c => c.Rows)).DefaultIfEmpty(1).Max();
                    for (int i = 1; i < span; i++)
                    {
                        rows.Add(new XElement("row"));
                    }
                }

                return new XElement("section",
                    new XAttribute("name", section.Name),
                    new XAttribute("showlabel", section.ShowLabel ? "true" : "false"),
                    new XAttribute("showbar", "false"),
                    new XAttribute("IsUserDefined", "0"),
                    new XAttribute("id", Braced(Id("section/" + tab.Name + "/" + section.Name))),
                    new XAttribute("columns", Text(section.Columns)),
                    new XAttribute("labelwidth", "115"),
                    Labels("labels", "label", section.Label),
                    rows);
            }

            var body = new XElement("form",
                new XElement("tabs", form.Tabs.Select(tab => new XElement("tab",
                    new XAttribute("name", tab.Name),
                    new XAttribute("verticallayout", "true"),
                    new XAttribute("id", Braced(Id("tab/" + tab.Name))),
                    new XAttribute("IsUserDefined", "1"),
                    new XAttribute("expanded", "true"),
                    new XAttribute("showlabel", "true"),
                    Labels("labels", "label", tab.Label),
                    new XElement("columns", new XElement("column", new XAttribute("width", "100%"),
                        new XElement("sections", tab.Sections.Select(s => SectionXml(tab, s)))))))));
            if (form.Libraries.Count > 0)
            {
                body.Add(new XElement("formLibraries", form.Libraries.Select(library => new XElement("Library",
                    new XAttribute("name", library),
                    new XAttribute("libraryUniqueId", Braced(Id("library/" + library)))))));
            }

            if (form.Handlers.Count > 0)
            {
                body.Add(new XElement("events", form.Handlers.GroupBy(h => h.Event).Select(group => new XElement("event",
                    new XAttribute("name", group.Key),
                    new XAttribute("application", "false"),
                    new XAttribute("active", "false"),
                    new XElement("Handlers", group.Select(h => new XElement("Handler",
                        new XAttribute("functionName", h.Function),
                        new XAttribute("libraryName", h.Library),
                        new XAttribute("handlerUniqueId", Braced(Id("handler/" + h.Event + "/" + h.Function))),
                        new XAttribute("enabled", "true"),
                        new XAttribute("parameters", ""),
                        new XAttribute("passExecutionContext", "true"))))))));
            }

            return new XElement("systemform",
                new XElement("formid", Braced(form.Id)),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("FormPresentation", "1"),
                new XElement("FormActivationState", "1"),
                body,
                new XElement("IsCustomizable", "1"),
                new XElement("CanBeDeleted", "1"),
                Labels("LocalizedNames", "LocalizedName", form.Name),
                Labels("Descriptions", "Description", form.Description));
        }

        private static string ControlOf(Table table, string columnName)
        {
            var column = table.Columns.SingleOrDefault(c => c.Name == columnName);
            if (column == null)
            {
                return StandardControls.TryGetValue(columnName, out var control)
                    ? control
                    : throw new SolutionToolException($"The {table.Name} form shows {columnName}, which is neither a solution column nor a known standard column.");
            }

            return column.Kind switch
            {
                ColumnKind.Text => column.Format == "url" ? UrlControl : TextControl,
                ColumnKind.Memo => MemoControl,
                ColumnKind.WholeNumber => IntegerControl,
                ColumnKind.DateTime => DateTimeControl,
                ColumnKind.Choice => PicklistControl,
                ColumnKind.Lookup => LookupControl,
                ColumnKind.TwoOptions => TwoOptionsControl,
                _ => throw new SolutionToolException($"No form control for {table.Name}.{columnName} ({column.Kind})."),
            };
        }

        private static XElement ViewXml(View view)
        {
            var table = Tables.All.Single(t => t.Name == view.Table);
            string primaryName = table.IsNew ? table.PrimaryNameColumn : "fullname";
            string primaryKey = table.PrimaryKey;
            var entity = new XElement("entity", new XAttribute("name", view.Table),
                new XElement("attribute", new XAttribute("name", primaryKey)),
                view.Columns.Select(c => new XElement("attribute", new XAttribute("name", c))));
            if (view.OrderBy != null)
            {
                entity.Add(new XElement("order", new XAttribute("attribute", view.OrderBy), new XAttribute("descending", view.Descending ? "true" : "false")));
            }

            if (view.Conditions.Count > 0)
            {
                entity.Add(new XElement("filter", new XAttribute("type", "and"), view.Conditions.Select(ConditionXml)));
            }

            if (view.FindColumns.Count > 0)
            {
                entity.Add(new XElement("filter", new XAttribute("type", "or"), new XAttribute("isquickfindfields", "1"),
                    view.FindColumns.Select(c => new XElement("condition", new XAttribute("attribute", c), new XAttribute("operator", "like"), new XAttribute("value", "{0}")))));
            }

            if (view.Link is { } link)
            {
                entity.Add(new XElement("link-entity",
                    new XAttribute("name", link.Table), new XAttribute("from", link.From), new XAttribute("to", link.To),
                    new XAttribute("alias", link.Alias), new XAttribute("link-type", "inner"),
                    new XElement("filter", new XAttribute("type", "and"), link.Conditions.Select(ConditionXml))));
            }

            return new XElement("savedquery",
                new XElement("IsCustomizable", "1"),
                new XElement("CanBeDeleted", view.IsDefault ? "0" : "1"),
                new XElement("isquickfindquery", Bit(view.QueryType == 4)),
                new XElement("isprivate", "0"),
                new XElement("isdefault", Bit(view.IsDefault)),
                new XElement("savedqueryid", Braced(view.Id)),
                new XElement("layoutxml", new XElement("grid",
                    new XAttribute("name", "resultset"), new XAttribute("jump", primaryName), new XAttribute("select", "1"),
                    new XAttribute("icon", "1"), new XAttribute("preview", "1"),
                    new XElement("row", new XAttribute("name", "result"), new XAttribute("id", primaryKey),
                        view.Columns.Select(c => new XElement("cell", new XAttribute("name", c), new XAttribute("width", c == primaryName ? "300" : "150")))))),
                new XElement("querytype", Text(view.QueryType)),
                new XElement("fetchxml", new XElement("fetch", new XAttribute("version", "1.0"), new XAttribute("mapping", "logical"), entity)),
                new XElement("IntroducedVersion", IntroducedVersion),
                Labels("LocalizedNames", "LocalizedName", view.Name),
                Labels("Descriptions", "Description", view.Description));

            static XElement ConditionXml(Condition c)
            {
                var element = new XElement("condition", new XAttribute("attribute", c.Column), new XAttribute("operator", c.Operator));
                if (c.Value != null)
                {
                    element.Add(new XAttribute("value", c.Value));
                }

                return element;
            }
        }

        // ---------------------------------------------------------------- security

        private static XElement RoleXml(Role role) =>
            new("Role", new XAttribute("id", Braced(role.Id)), new XAttribute("name", role.Name), XsiAttribute(),
                new XElement("RolePrivileges", role.Privileges.Select(p => new XElement("RolePrivilege",
                    new XAttribute("name", p.Name), new XAttribute("level", p.Depth)))));

        // ---------------------------------------------------------------- plug-ins and Custom APIs

        private XElement PluginAssemblyXml()
        {
            var assembly = config.PluginAssembly;
            var activities = config.WorkflowActivities.ToDictionary(a => a.Type);
            var pluginTypes = config.Steps.Select(s => s.Plugin).Concat(config.CustomApis.Select(a => a.Plugin))
                .Concat(config.WorkflowActivities.Select(a => a.Type))
                .Distinct().OrderBy(t => t, StringComparer.Ordinal);
            return new XElement("PluginAssembly",
                new XAttribute("FullName", assemblyFullName),
                new XAttribute("PluginAssemblyId", assembly.Id.ToString("D")),
                new XAttribute("CustomizationLevel", "1"),
                XsiAttribute(),
                new XElement("Description", "Lead scoring plug-ins, Custom API handlers and custom workflow activities."),
                new XElement("IsolationMode", assembly.IsolationMode == "Sandbox" ? "2" : "1"),
                new XElement("SourceType", assembly.SourceType == "Database" ? "0" : "1"),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsCustomizable", "1"),
                new XElement("FileName", $"/PluginAssemblies/{AssemblyFolder}/{assembly.Name}.dll"),
                new XElement("PluginTypes", pluginTypes.Select(type =>
                {
                    var element = new XElement("PluginType",
                        new XAttribute("AssemblyQualifiedName", type + ", " + assemblyFullName),
                        new XAttribute("PluginTypeId", PluginTypeId(type).ToString("D")),
                        new XAttribute("Name", activities.TryGetValue(type, out var activity) ? activity.Name : type));
                    element.Add(new XElement("FriendlyName", activity?.Name ?? type));
                    if (activity != null)
                    {
                        element.Add(new XElement("WorkflowActivityGroupName", activity.Group));
                    }

                    return element;
                })));
        }

        private XElement StepXml(StepEntry step)
        {
            if (!MessageIds.TryGetValue(step.Message, out var messageId))
            {
                throw new SolutionToolException($"Step '{step.Name}': message {step.Message} has no known sdkmessageid.");
            }

            var element = new XElement("SdkMessageProcessingStep",
                new XAttribute("Name", step.Name),
                new XAttribute("SdkMessageProcessingStepId", Braced(step.Id)),
                XsiAttribute(),
                new XElement("SdkMessageId", messageId.ToString("D")),
                new XElement("PluginTypeName", step.Plugin + ", " + assemblyFullName),
                new XElement("PluginTypeId", PluginTypeId(step.Plugin).ToString("D")),
                new XElement("PrimaryEntity", step.Table),
                // Successful asynchronous jobs are deleted, so the system job table does not fill up.
                new XElement("AsyncAutoDelete", Bit(IsAsync(step))),
                new XElement("Description", step.Name));
            if (step.UnsecureConfiguration != null)
            {
                element.Add(new XElement("Configuration", step.UnsecureConfiguration));
            }

            if (step.FilteringAttributes.Count > 0)
            {
                element.Add(new XElement("FilteringAttributes", string.Join(",", step.FilteringAttributes)));
            }

            element.Add(
                new XElement("InvocationSource", "0"),
                new XElement("Mode", Bit(IsAsync(step))),
                new XElement("Rank", Text(step.Rank)),
                new XElement("EventHandlerTypeCode", "4602"),
                new XElement("Stage", Text(step.Stage)),
                new XElement("IsCustomizable", "1"),
                new XElement("IsHidden", "0"),
                new XElement("SupportedDeployment", "0"),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("SdkMessageProcessingStepImages", step.Images.Select(image => new XElement("SdkMessageProcessingStepImage",
                    new XAttribute("Name", image.Name),
                    new XElement("SdkMessageProcessingStepImageId", Braced(image.Id)),
                    new XElement("Attributes", string.Join(",", image.Attributes)),
                    new XElement("EntityAlias", image.Name),
                    new XElement("ImageType", ImageType(image.Type)),
                    // The message property the image is taken from: the new row's Id on Create, Target otherwise.
                    new XElement("MessagePropertyName", step.Message == "Create" ? "Id" : "Target"),
                    new XElement("IsCustomizable", "1"),
                    new XElement("IntroducedVersion", IntroducedVersion)))));
            return element;
        }

        public static bool IsAsync(StepEntry step) => step.Mode.Equals("Async", StringComparison.OrdinalIgnoreCase) || step.Mode.Equals("Asynchronous", StringComparison.OrdinalIgnoreCase);

        /// <summary>sdkmessageprocessingstepimage.imagetype: 0 PreImage, 1 PostImage, 2 Both.</summary>
        public static string ImageType(string type) => type.ToUpperInvariant() switch
        {
            "PRE" or "PREIMAGE" => "0",
            "POST" or "POSTIMAGE" => "1",
            "BOTH" => "2",
            _ => throw new SolutionToolException($"Image type '{type}' is not Pre, Post or Both."),
        };

        /// <summary>customapi.bindingtype: 0 Global, 1 Entity, 2 EntityCollection.</summary>
        public static int BindingType(string binding) => binding switch
        {
            "Global" => 0,
            "Entity" => 1,
            "EntityCollection" => 2,
            _ => throw new SolutionToolException($"Binding type '{binding}' is not Global, Entity or EntityCollection."),
        };

        /// <summary>customapi.allowedcustomprocessingsteptype: 0 None, 1 Async Only, 2 Sync and Async.</summary>
        public static int AllowedStepType(string allowed) => allowed switch
        {
            "None" => 0,
            "AsyncOnly" => 1,
            "SyncAndAsync" => 2,
            _ => throw new SolutionToolException($"Allowed processing step type '{allowed}' is not None, AsyncOnly or SyncAndAsync."),
        };

        private XElement CustomApiXml(CustomApiEntry api) =>
            new("customapi", new XAttribute("uniquename", api.UniqueName),
                new XElement("allowedcustomprocessingsteptype", Text(AllowedStepType(api.AllowedProcessingStepType))),
                new XElement("bindingtype", Text(BindingType(api.BindingType))),
                new XElement("boundentitylogicalname", api.BindingType == "Global" ? null : api.BoundTable),
                new XElement("description", new XAttribute("default", api.Description), Labels("label", api.Description)),
                new XElement("displayname", new XAttribute("default", api.DisplayName), Labels("label", api.DisplayName)),
                new XElement("executeprivilegename", api.ExecutePrivilegeName),
                new XElement("iscustomizable", "0"),
                new XElement("isfunction", Bit(api.IsFunction)),
                new XElement("isprivate", "0"),
                new XElement("name", api.UniqueName),
                new XElement("plugintypeid", new XElement("plugintypeid", PluginTypeId(api.Plugin).ToString("D"))),
                new XElement("workflowsdkstepenabled", "0"));

        /// <summary>The table an EntityReference parameter refers to (pac-config does not say).</summary>
        public static string? LogicalEntityName(CustomApiEntry api, ApiParameterEntry parameter) =>
            parameter.Type is "EntityReference" or "Entity" && api.UniqueName == Dataverse.CustomApi.ExplainLeadScore && parameter.Name == Dataverse.CustomApi.ModelId
                ? Dataverse.ScoringModelColumns.Table
                : null;

        private static XElement ApiParameterXml(CustomApiEntry api, ApiParameterEntry parameter, bool request)
        {
            if (!ParameterTypes.TryGetValue(parameter.Type, out int type))
            {
                throw new SolutionToolException($"Custom API {api.UniqueName}: parameter {parameter.Name} has type '{parameter.Type}', which is not a Custom API parameter type.");
            }

            var element = new XElement(request ? "customapirequestparameter" : "customapiresponseproperty",
                new XAttribute("uniquename", parameter.Name),
                new XElement("description", new XAttribute("default", parameter.Description), Labels("label", parameter.Description)),
                new XElement("displayname", new XAttribute("default", parameter.Name), Labels("label", parameter.Name)),
                new XElement("iscustomizable", "0"));
            if (request)
            {
                // isoptional is not valid on a response property: the import fails (Learn, custom API with solution files).
                element.Add(new XElement("isoptional", Bit(parameter.Optional)));
            }

            element.Add(
                new XElement("logicalentityname", LogicalEntityName(api, parameter)),
                new XElement("name", api.UniqueName + "." + parameter.Name),
                new XElement("type", Text(type)));
            return element;
        }

        private static XElement Labels(string labelName, string text) =>
            new(labelName, new XAttribute("description", text), new XAttribute("languagecode", Language));

        // ---------------------------------------------------------------- web resources and the app

        private static XElement WebResourceXml(WebResource resource) =>
            new("WebResource", XsiAttribute(),
                new XElement("WebResourceId", Braced(resource.Id)),
                new XElement("Name", resource.Name),
                new XElement("DisplayName", resource.DisplayName),
                new XElement("WebResourceType", Text(resource.Type)),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsEnabledForMobileClient", "0"),
                new XElement("IsAvailableForMobileOffline", "0"),
                new XElement("DependencyXml"),
                new XElement("IsCustomizable", "1"),
                new XElement("CanBeDeleted", "1"),
                new XElement("IsHidden", "0"),
                new XElement("FileName", "/WebResources/" + resource.Name));

        /// <summary>The default model-driven app icon web resource every org has (what an exported app without its own icon names).</summary>
        public const string DefaultAppIcon = "953b9fac-1e5e-e611-80d6-00155ded156f";

        private static XElement AppModuleXml(AppModule app)
        {
            var tables = app.Groups.SelectMany(g => g.SubAreas).OfType<TableSubArea>().Select(s => s.Table).Distinct().ToHashSet();
            var components = new XElement("AppModuleComponents",
                new XElement("AppModuleComponent", new XAttribute("type", "62"), new XAttribute("schemaName", app.UniqueName)));
            foreach (string table in tables.OrderBy(t => t, StringComparer.Ordinal))
            {
                components.Add(new XElement("AppModuleComponent", new XAttribute("type", "1"), new XAttribute("schemaName", table)));
            }

            foreach (var form in Forms.All.Where(f => tables.Contains(f.Table)))
            {
                components.Add(new XElement("AppModuleComponent", new XAttribute("type", "60"), new XAttribute("id", Braced(form.Id))));
            }

            foreach (var view in Views.All.Where(v => tables.Contains(v.Table)))
            {
                components.Add(new XElement("AppModuleComponent", new XAttribute("type", "26"), new XAttribute("id", Braced(view.Id))));
            }

            foreach (var chart in Reporting.Charts.Where(c => tables.Contains(c.Table)))
            {
                components.Add(new XElement("AppModuleComponent", new XAttribute("type", "59"), new XAttribute("id", Braced(chart.Id))));
            }

            components.Add(new XElement("AppModuleComponent", new XAttribute("type", "60"), new XAttribute("id", Braced(Reporting.Health.Id))));

            return new XElement("AppModule",
                new XElement("UniqueName", app.UniqueName),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("WebResourceId", DefaultAppIcon),
                new XElement("OptimizedFor"),
                new XElement("statecode", "0"),
                new XElement("statuscode", "1"),
                new XElement("FormFactor", "1"),
                new XElement("ClientType", "4"),
                new XElement("NavigationType", "0"),
                components,
                new XElement("AppModuleRoleMaps", app.Roles.Select(name => new XElement("Role",
                    new XAttribute("id", Braced(Security.Roles.Single(r => r.Name == name).Id))))),
                Labels("LocalizedNames", "LocalizedName", app.Name),
                Labels("Descriptions", "Description", app.Description));
        }

        private static XElement SiteMapXml(AppModule app) =>
            new("AppModuleSiteMap", XsiAttribute(),
                new XElement("SiteMapUniqueName", app.UniqueName),
                new XElement("EnableCollapsibleGroups", "False"),
                new XElement("ShowHome", "True"),
                new XElement("ShowPinned", "True"),
                new XElement("ShowRecents", "True"),
                new XElement("SiteMap", new XAttribute("IntroducedVersion", "7.0.0.0"),
                    new XElement("Area", new XAttribute("Id", "ls_leadscoring"), new XAttribute("ShowGroups", "true"), new XAttribute("IntroducedVersion", "7.0.0.0"),
                        new XElement("Titles", new XElement("Title", new XAttribute("LCID", Language), new XAttribute("Title", app.Name))),
                        app.Groups.Select(group => new XElement("Group", new XAttribute("Id", group.Id), new XAttribute("IsProfile", "false"), new XAttribute("IntroducedVersion", "7.0.0.0"),
                            new XElement("Titles", new XElement("Title", new XAttribute("LCID", Language), new XAttribute("Title", group.Title))),
                            group.SubAreas.Select(SubAreaXml))))),
                Labels("LocalizedNames", "LocalizedName", app.Name));

        private static XElement SubAreaXml(SubArea subArea)
        {
            var element = new XElement("SubArea", new XAttribute("Id", subArea.Id));
            switch (subArea)
            {
                case TableSubArea table:
                    element.Add(new XAttribute("Entity", table.Table));
                    break;
                case WebResourceSubArea web:
                    element.Add(new XAttribute("Url", "$webresource:" + web.WebResource));
                    break;
                case DashboardSubArea dashboard:
                    element.Add(new XAttribute("Url", "/workplace/home_dashboards.aspx"), new XAttribute("DefaultDashboard", Braced(dashboard.Dashboard)));
                    break;
            }

            element.Add(new XAttribute("Client", "All"), new XAttribute("AvailableOffline", "false"), new XAttribute("PassParams", "false"),
                new XAttribute("IntroducedVersion", "7.0.0.0"),
                new XElement("Titles", new XElement("Title", new XAttribute("LCID", Language), new XAttribute("Title", subArea.Title))));
            return element;
        }

        // ---------------------------------------------------------------- automation and reporting (issue 11)

        private static XElement ChartXml(Chart chart)
        {
            var table = Tables.All.Single(t => t.Name == chart.Table);
            var entity = new XElement("entity", new XAttribute("name", chart.Table));
            var category = new XElement("attribute", new XAttribute("name", chart.Category), new XAttribute("groupby", "true"), new XAttribute("alias", "category"));
            if (chart.DateGrouping != null)
            {
                category.Add(new XAttribute("dategrouping", chart.DateGrouping));
            }

            entity.Add(category);
            if (chart.Series != null)
            {
                entity.Add(new XElement("attribute", new XAttribute("name", chart.Series), new XAttribute("groupby", "true"), new XAttribute("alias", "series")));
            }

            entity.Add(new XElement("attribute", new XAttribute("name", table.PrimaryKey), new XAttribute("aggregate", "count"), new XAttribute("alias", "count")));
            return new XElement("visualization", XsiAttribute(),
                new XElement("savedqueryvisualizationid", Braced(chart.Id)),
                new XElement("datadescription", new XElement("datadefinition",
                    new XElement("fetchcollection", new XElement("fetch", new XAttribute("mapping", "logical"), new XAttribute("aggregate", "true"), entity)),
                    new XElement("categorycollection", new XElement("category", new XAttribute("alias", "category"),
                        new XElement("measurecollection", new XElement("measure", new XAttribute("alias", "count"))))))),
                new XElement("presentationdescription", new XElement("Chart",
                    new XElement("Series", new XElement("Series", new XAttribute("ChartType", chart.ChartType), new XAttribute("IsValueShownAsLabel", "True"), new XAttribute("Font", "{0}, 9.5px"), new XAttribute("LabelForeColor", "59, 59, 59"))),
                    new XElement("ChartAreas", new XElement("ChartArea", new XAttribute("BorderColor", "White"), new XAttribute("BorderDashStyle", "Solid"),
                        new XElement("AxisY", new XAttribute("LabelAutoFitMinFontSize", "8"), new XAttribute("TitleForeColor", "59, 59, 59"), new XAttribute("LineColor", "165, 172, 181"), new XAttribute("IntervalAutoMode", "VariableCount"),
                            new XElement("MajorGrid", new XAttribute("LineColor", "239, 242, 246")), new XElement("LabelStyle", new XAttribute("Font", "{0}, 10.5px"), new XAttribute("ForeColor", "59, 59, 59"))),
                        new XElement("AxisX", new XAttribute("LabelAutoFitMinFontSize", "8"), new XAttribute("TitleForeColor", "59, 59, 59"), new XAttribute("LineColor", "165, 172, 181"), new XAttribute("IntervalAutoMode", "VariableCount"),
                            new XElement("MajorGrid", new XAttribute("LineColor", "Transparent")), new XElement("LabelStyle", new XAttribute("Font", "{0}, 10.5px"), new XAttribute("ForeColor", "59, 59, 59"))))),
                    new XElement("Titles", new XElement("Title", new XAttribute("Alignment", "TopLeft"), new XAttribute("DockingOffset", "-3"), new XAttribute("Font", "{0}, 13px"), new XAttribute("ForeColor", "59, 59, 59"))),
                    new XElement("Legends", new XElement("Legend", new XAttribute("Alignment", "Center"), new XAttribute("LegendStyle", "Table"), new XAttribute("Docking", "right"), new XAttribute("Enabled", chart.Series != null ? "True" : "False"), new XAttribute("Font", "{0}, 11px"), new XAttribute("ForeColor", "59, 59, 59"))))),
                new XElement("isdefault", "0"),
                Labels("LocalizedNames", "LocalizedName", chart.Name),
                Labels("Descriptions", "Description", chart.Description),
                new XElement("IsCustomizable", "1"),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("CanBeDeleted", "1"));
        }

        private static XElement DashboardXml(Dashboard dashboard)
        {
            Guid Id(string part) => StableId.For("dashboard", dashboard.Key + "/" + part);
            var rows = new XElement("rows");
            int index = 0;
            foreach (var line in dashboard.Rows)
            {
                int span = line.Max(t => t.Rows);
                rows.Add(new XElement("row", line.Select(tile =>
                {
                    index++;
                    return new XElement("cell",
                        new XAttribute("id", Braced(Id("cell/" + index.ToString(CultureInfo.InvariantCulture)))),
                        new XAttribute("showlabel", "true"), new XAttribute("colspan", Text(tile.ColumnSpan)), new XAttribute("rowspan", Text(tile.Rows)), new XAttribute("auto", "false"),
                        Labels("labels", "label", tile.Label),
                        new XElement("control",
                            new XAttribute("id", "ls_tile" + index.ToString(CultureInfo.InvariantCulture)),
                            new XAttribute("classid", SubgridControl),
                            new XAttribute("indicationOfSubgrid", "true"),
                            new XElement("parameters",
                                new XElement("TargetEntityType", tile.View.Table),
                                new XElement("ChartGridMode", tile.Chart == null ? "Grid" : "Chart"),
                                new XElement("EnableQuickFind", "false"),
                                new XElement("EnableViewPicker", "false"),
                                new XElement("EnableJumpBar", "false"),
                                new XElement("RecordsPerPage", Text(tile.Rows)),
                                new XElement("ViewId", Braced(tile.View.Id)),
                                new XElement("IsUserView", "false"),
                                new XElement("ViewIds", Braced(tile.View.Id)),
                                new XElement("AutoExpand", "Fixed"),
                                new XElement("VisualizationId", tile.Chart == null ? null : Braced(tile.Chart.Id)),
                                new XElement("IsUserChart", "false"),
                                new XElement("EnableChartPicker", "false"),
                                new XElement("RelationshipName"))));
                })));
                for (int i = 1; i < span; i++)
                {
                    rows.Add(new XElement("row"));
                }
            }

            int columns = dashboard.Rows.Max(r => r.Sum(t => t.ColumnSpan));
            return new XElement("Dashboard", XsiAttribute(),
                Labels("LocalizedNames", "LocalizedName", dashboard.Name),
                Labels("Descriptions", "Description", dashboard.Description),
                new XElement("FormId", Braced(dashboard.Id)),
                new XElement("IsCustomizable", "1"),
                new XElement("IsDefault", "0"),
                new XElement("FormXml", new XElement("forms", new XAttribute("type", "dashboard"), new XElement("form",
                    new XElement("tabs", new XElement("tab", new XAttribute("showlabel", "false"), new XAttribute("verticallayout", "true"), new XAttribute("id", Braced(Id("tab"))),
                        Labels("labels", "label", dashboard.Name),
                        new XElement("columns", new XElement("column", new XAttribute("width", "100%"),
                            new XElement("sections", new XElement("section", new XAttribute("showlabel", "false"), new XAttribute("showbar", "false"),
                                new XAttribute("columns", new string('1', columns)), new XAttribute("id", Braced(Id("section"))),
                                Labels("labels", "label", dashboard.Name),
                                rows)))))),
                    new XElement("controlDescriptions")))),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsTabletEnabled", "0"));
        }

        /// <summary>A flow's .json file: its connection references (by api name) and its definition.</summary>
        private static string FlowJson(CloudFlow flow)
        {
            var references = new System.Text.Json.Nodes.JsonObject();
            foreach (var reference in Automation.ConnectionReferences.Where(c => flow.ConnectionReferences.Contains(c.LogicalName)))
            {
                references[reference.Connector] = new System.Text.Json.Nodes.JsonObject
                {
                    ["runtimeSource"] = "embedded",
                    ["connection"] = new System.Text.Json.Nodes.JsonObject { ["connectionReferenceLogicalName"] = reference.LogicalName },
                    ["api"] = new System.Text.Json.Nodes.JsonObject { ["name"] = reference.Connector },
                };
            }

            var document = new System.Text.Json.Nodes.JsonObject
            {
                ["properties"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["connectionReferences"] = references,
                    ["definition"] = flow.Definition.DeepClone(),
                },
                ["schemaVersion"] = "1.0.0.0",
            };
            return document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, IndentSize = 2, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        }

        private static XElement WorkflowDataXml(Guid id, string name, string description, string fileElement, string fileName, int category, string primaryEntity, bool onDemand, IEnumerable<string> triggerOnUpdate)
        {
            var element = new XElement("Workflow", new XAttribute("WorkflowId", Braced(id)), new XAttribute("Name", name), new XAttribute("Description", description), XsiAttribute(),
                new XElement(fileElement, "/Workflows/" + fileName),
                new XElement("Type", "1"),
                new XElement("Subprocess", "0"),
                new XElement("Category", Text(category)),
                new XElement("Mode", "0"),
                new XElement("Scope", "4"),
                new XElement("OnDemand", Bit(onDemand)),
                new XElement("TriggerOnCreate", "0"),
                new XElement("TriggerOnDelete", "0"),
                new XElement("AsyncAutodelete", Bit(category == 0)),
                new XElement("SyncWorkflowLogOnFailure", "0"),
                // Imported off (draft): flows need their connection references bound, and both are turned on
                // by an admin after the import (docs/automation.md).
                new XElement("StateCode", "0"),
                new XElement("StatusCode", "1"),
                new XElement("RunAs", "1"),
                new XElement("IsTransacted", "1"),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsCustomizable", "1"),
                new XElement("BusinessProcessType", "0"),
                new XElement("IsCustomProcessingStepAllowedForOtherPublishers", "1"),
                new XElement("PrimaryEntity", primaryEntity));
            var attributes = string.Join(",", triggerOnUpdate);
            if (attributes.Length > 0)
            {
                element.Add(new XElement("TriggerOnUpdateAttributeList", attributes));
            }

            element.Add(Labels("LocalizedNames", "LocalizedName", name), Labels("Descriptions", "Description", description));
            return element;
        }

        private static XElement FlowDataXml(CloudFlow flow) =>
            WorkflowDataXml(flow.Id, flow.Name, flow.Description, "JsonFileName", flow.FileName + ".json", category: 5, "none", onDemand: false, Array.Empty<string>());

        private static XElement ClassicWorkflowDataXml(ClassicWorkflow workflow) =>
            WorkflowDataXml(workflow.Id, workflow.Name, workflow.Description, "XamlFileName", workflow.FileName + ".xaml", category: 0, workflow.PrimaryEntity, workflow.OnDemand, workflow.TriggerOnUpdate);

        private static XElement EnvironmentVariableXml(EnvironmentVariable variable) =>
            new("environmentvariabledefinition", new XAttribute("schemaname", variable.SchemaName),
                new XElement("defaultvalue", variable.DefaultValue),
                new XElement("description", new XAttribute("default", variable.Description), Labels("label", variable.Description)),
                new XElement("displayname", new XAttribute("default", variable.DisplayName), Labels("label", variable.DisplayName)),
                new XElement("introducedversion", IntroducedVersion),
                new XElement("iscustomizable", "1"),
                new XElement("isrequired", "0"),
                new XElement("secretstore", "0"),
                new XElement("type", Text(variable.Type)));
    }
}
