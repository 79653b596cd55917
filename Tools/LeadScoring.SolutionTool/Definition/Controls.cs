using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>Form control class ids (Form XML reference, &lt;control&gt; classid) and which control shows which column.</summary>
    public static class Controls
    {
        public const string Text = "{4273EDBD-AC1D-40d3-9FB2-095C621B552D}";
        public const string Memo = "{E0DECE4B-6FC8-4a8f-A065-082708572369}";
        public const string Integer = "{C6D124CA-7EDA-4a60-AEA9-7FB8D318B68F}";
        public const string DateTime = "{5B773807-9FB2-42db-97C3-7A91EFF8ADFF}";
        public const string Picklist = "{3EF39988-22BB-4f0b-BBBE-64B5A3748AEE}";
        public const string Lookup = "{270BD3DB-D9AF-4782-9025-509E298DEC0A}";
        public const string TwoOptions = "{67FAC785-CD58-4f9f-ABB3-4B7DDC6ED5ED}";
        public const string Money = "{533B9E00-756B-4312-95A0-DC888637AC78}";
        public const string Email = "{ADA2203E-B4CD-49be-9DDF-234642B43B52}";
        public const string Url = "{71716B6C-711E-476c-8AB8-5D11542BFB47}";
        public const string Subgrid = "{E7A81278-8635-4D9E-8D4D-59480B391C5B}";
        public const string WebResource = "{9FDF5F91-88B1-47f4-AD53-C11EFC01A01D}";

        /// <summary>Controls of the standard lead columns on the lead form.</summary>
        private static readonly Dictionary<string, string> Standard = new()
        {
            ["subject"] = Text,
            ["firstname"] = Text,
            ["lastname"] = Text,
            ["jobtitle"] = Text,
            ["companyname"] = Text,
            ["emailaddress1"] = Email,
            ["telephone1"] = Text,
            ["ownerid"] = Lookup,
            ["leadsourcecode"] = Picklist,
            ["industrycode"] = Picklist,
            ["numberofemployees"] = Integer,
            ["revenue"] = Money,
            ["budgetamount"] = Money,
            ["purchasetimeframe"] = Picklist,
            ["decisionmaker"] = TwoOptions,
        };

        /// <summary>The control class of a column on a form of the table: by its kind, or the standard column's own.</summary>
        public static string Of(Table table, string columnName)
        {
            var column = table.Columns.SingleOrDefault(c => c.Name == columnName);
            if (column == null)
            {
                return Standard.TryGetValue(columnName, out var control)
                    ? control
                    : throw new SolutionToolException($"The {table.Name} form shows {columnName}, which is neither a solution column nor a known standard column.");
            }

            return column.Kind switch
            {
                ColumnKind.Text => column.Format == "url" ? Url : Text,
                ColumnKind.Memo => Memo,
                ColumnKind.WholeNumber => Integer,
                ColumnKind.DateTime => DateTime,
                ColumnKind.Choice => Picklist,
                ColumnKind.Lookup => Lookup,
                ColumnKind.TwoOptions => TwoOptions,
                _ => throw new SolutionToolException($"No form control for {table.Name}.{columnName} ({column.Kind})."),
            };
        }
    }
}
