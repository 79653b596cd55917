namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>
    /// The lead form's "Hand back to marketing" command (classic ribbon, Entities/Lead/RibbonDiff.xml):
    /// a button in the group of Qualify and Disqualify, enabled by LeadScoring.LeadForm.canHandBack and
    /// running LeadScoring.LeadForm.handBack (WebResources/README.md describes both).
    /// </summary>
    public static class Ribbon
    {
        public static RibbonDiff Lead { get; } = new("lead", """
            <RibbonDiffXml>
              <CustomActions>
                <CustomAction Id="ls.lead.HandBack.CustomAction" Location="Mscrm.Form.lead.MainTab.Actions.Controls._children" Sequence="45">
                  <CommandUIDefinition>
                    <Button Id="ls.lead.HandBack.Button" Command="ls.lead.HandBack.Command" LabelText="Hand back to marketing" ToolTipTitle="Hand back to marketing" ToolTipDescription="Return this lead to marketing with a reason" TemplateAlias="o1" Image16by16="/_imgs/ribbon/Reactivate_16.png" />
                  </CommandUIDefinition>
                </CustomAction>
              </CustomActions>
              <Templates>
                <RibbonTemplates Id="Mscrm.Templates" />
              </Templates>
              <CommandDefinitions>
                <CommandDefinition Id="ls.lead.HandBack.Command">
                  <EnableRules>
                    <EnableRule Id="ls.lead.HandBack.EnableRule" />
                  </EnableRules>
                  <DisplayRules />
                  <Actions>
                    <JavaScriptFunction Library="$webresource:ls_/scripts/leadform.js" FunctionName="LeadScoring.LeadForm.handBack">
                      <CrmParameter Value="PrimaryControl" />
                    </JavaScriptFunction>
                  </Actions>
                </CommandDefinition>
              </CommandDefinitions>
              <RuleDefinitions>
                <TabDisplayRules />
                <DisplayRules />
                <EnableRules>
                  <EnableRule Id="ls.lead.HandBack.EnableRule">
                    <CustomRule Library="$webresource:ls_/scripts/leadform.js" FunctionName="LeadScoring.LeadForm.canHandBack" Default="false">
                      <CrmParameter Value="PrimaryControl" />
                    </CustomRule>
                  </EnableRule>
                </EnableRules>
              </RuleDefinitions>
              <LocLabels />
            </RibbonDiffXml>
            """);
    }
}
