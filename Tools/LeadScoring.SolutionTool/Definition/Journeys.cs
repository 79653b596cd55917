namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>
    /// The Dynamics 365 Customer Insights - Journeys tables the interaction flows read. They belong to
    /// Customer Insights - Journeys (real-time journeys forms and event management), not to this
    /// solution: the flows are only useful, and only switched on, where it is installed. Names from the
    /// table references on Learn:
    /// https://learn.microsoft.com/dynamics365/developer/reference/entities/msdynmkt_marketingformsubmission
    /// https://learn.microsoft.com/dynamics365/developer/reference/entities/msevtmgt_eventregistration
    /// https://learn.microsoft.com/dynamics365/developer/reference/entities/msevtmgt_checkin
    /// https://learn.microsoft.com/dynamics365/developer/reference/entities/msevtmgt_event
    /// </summary>
    public static class JourneysColumns
    {
        public const string FormSubmissionTable = "msdynmkt_marketingformsubmission";
        public const string FormSubmissionId = "msdynmkt_marketingformsubmissionid";
        public const string FormSubmissionName = "msdynmkt_name";
        public const string FormSubmissionPageUrl = "msdynmkt_pageurl";                 // Url(2000): the page the form is on
        public const string FormSubmissionEmail = "msdynmkt_contactableemail";          // Text(100): the submitted email address

        public const string RegistrationTable = "msevtmgt_eventregistration";
        public const string RegistrationId = "msevtmgt_eventregistrationid";
        public const string RegistrationContactId = "msevtmgt_contactid";               // Lookup contact
        public const string RegistrationEventId = "msevtmgt_eventid";                   // Lookup msevtmgt_event

        public const string CheckInTable = "msevtmgt_checkin";
        public const string CheckInId = "msevtmgt_checkinid";
        public const string CheckInContact = "msevtmgt_contact";                        // Lookup contact
        public const string CheckInEvent = "msevtmgt_event";                            // Lookup msevtmgt_event
        public const string CheckInTime = "msevtmgt_checkintime";

        public const string EventTable = "msevtmgt_event";
        public const string EventEntitySet = "msevtmgt_events";
        public const string EventName = "msevtmgt_name";

        public const string ContactTable = "contact";
        public const string ContactEntitySet = "contacts";
        public const string ContactEmail = "emailaddress1";

        /// <summary>ls_RecordInteraction's Source for each: with the row's id as ExternalId, a flow run retried records nothing twice.</summary>
        public const string FormsSource = "Customer Insights - Journeys forms";
        public const string EventsSource = "Customer Insights - Journeys events";
    }
}
