using System.Collections.Generic;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>
    /// The standard (out-of-the-box) columns of the standard tables the product uses: in step
    /// filtering attributes and images, on the lead form and in the lead views. They are not in the
    /// solution (the platform owns them); the consistency tests check every standard column used is
    /// listed here. Sources: the table references on Learn, https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/lead (…/email, …/appointment, …/phonecall).
    /// </summary>
    public static class StandardColumns
    {
        public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> ByTable { get; } = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["lead"] = new HashSet<string>
            {
                "leadid", "fullname", "firstname", "lastname", "subject", "companyname", "jobtitle", "emailaddress1", "emailaddress2", "emailaddress3", "telephone1",
                "numberofemployees", "industrycode", "leadsourcecode", "revenue", "budgetamount", "purchasetimeframe",
                "decisionmaker", "statecode", "statuscode", "ownerid", "createdon", "modifiedon", "versionnumber",
                "purchaseprocess", "leadqualitycode", "mobilephone", "websiteurl", "address1_city", "address1_country",
                "address1_stateorprovince", "address1_postalcode", "donotemail", "donotphone", "estimatedclosedate",
                "parentaccountid", "parentcontactid", "campaignid", "description",
            },
            ["email"] = new HashSet<string>
            {
                "activityid", "subject", "regardingobjectid", "directioncode", "statecode", "statuscode", "opencount",
                "linksclickedcount", "attachmentopencount", "replycount", "senton", "versionnumber",
                "actualdurationminutes", "actualend", "actualstart", "attachmentcount", "createdon", "description", "isemailfollowed",
                "lastopenedtime", "modifiedon", "ownerid", "prioritycode", "scheduleddurationminutes", "scheduledend", "scheduledstart",
            },
            ["appointment"] = new HashSet<string>
            {
                "activityid", "subject", "regardingobjectid", "statecode", "statuscode", "scheduledstart", "actualend", "versionnumber",
                "actualdurationminutes", "actualstart", "createdon", "description", "isalldayevent", "location", "modifiedon", "ownerid",
                "prioritycode", "scheduleddurationminutes", "scheduledend",
            },
            ["phonecall"] = new HashSet<string>
            {
                "activityid", "subject", "regardingobjectid", "directioncode", "statecode", "statuscode", "actualdurationminutes",
                "phonenumber", "leftvoicemail", "actualend", "versionnumber",
                "actualstart", "category", "createdon", "description", "modifiedon", "ownerid", "prioritycode", "scheduleddurationminutes",
                "scheduledend", "scheduledstart", "subcategory",
            },
            ["systemuser"] = new HashSet<string> { "systemuserid", "fullname", "internalemailaddress" },
            // Customer Insights - Journeys tables the interaction flows read (see JourneysColumns), and the contact they name.
            ["contact"] = new HashSet<string> { "contactid", "emailaddress1" },
            ["msdynmkt_marketingformsubmission"] = new HashSet<string> { "msdynmkt_marketingformsubmissionid", "msdynmkt_name", "msdynmkt_pageurl", "msdynmkt_contactableemail", "createdon" },
            ["msevtmgt_eventregistration"] = new HashSet<string> { "msevtmgt_eventregistrationid", "msevtmgt_contactid", "msevtmgt_eventid", "createdon" },
            ["msevtmgt_checkin"] = new HashSet<string> { "msevtmgt_checkinid", "msevtmgt_contact", "msevtmgt_event", "msevtmgt_checkintime", "createdon" },
            ["msevtmgt_event"] = new HashSet<string> { "msevtmgt_eventid", "msevtmgt_name" },
            // Marketing lists (the re-engagement flows add leads to one).
            ["list"] = new HashSet<string> { "listid", "listname", "createdfromcode", "statecode" },
        };
    }
}
