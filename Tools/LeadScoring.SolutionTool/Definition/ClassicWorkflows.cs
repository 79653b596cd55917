using System.Collections.Generic;
using System.Security;
using LeadScoring.Dataverse;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>
    /// The classic workflow for orgs that still run classic workflows: on demand, and when a lead's
    /// lifecycle stage changes, if the stage is Recycled it runs the "Hand back lead to marketing"
    /// custom workflow activity (LeadScoring.Workflow.HandBackLeadActivity) with the lead and its
    /// hand-back reason ("Stage set to Recycled" when there is none). The hand-back is idempotent, so
    /// running it after the lead step already handed the lead back changes nothing.
    ///
    /// The XAML follows what the classic designer writes: a ConditionSequence with an
    /// EvaluateCondition and a ConditionBranch, and the activity inside a Composite whose inputs go
    /// through GetEntityProperty → SelectFirstNonNull → ConvertCrmXrmTypes → DirectCast.
    /// </summary>
    public static class ClassicWorkflows
    {
        private const string Crm = "Microsoft.Crm.Workflow, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";
        private const string Sdk = "Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";
        public const string DefaultReason = "Stage set to Recycled";

        public static ClassicWorkflow HandBackRecycled(string assemblyFullName) => new("handbackrecycled",
            "Lead Scoring - Hand back a recycled lead (classic)",
            "On demand, and when a lead's lifecycle stage changes to Recycled: hands the lead back to marketing with the custom workflow activity, using the lead's hand-back reason.",
            LeadColumns.Table, OnDemand: true, TriggerOnUpdate: new[] { LeadColumns.LifecycleStage }, Xaml(assemblyFullName));

        public static IReadOnlyList<ClassicWorkflow> All(string assemblyFullName) => new[] { HandBackRecycled(assemblyFullName) };

        private static string Activity(string name) => $"Microsoft.Crm.Workflow.Activities.{name}, {Crm}";

        private static string Xaml(string assemblyFullName)
        {
            string activity = SecurityElement.Escape("LeadScoring.Workflow.HandBackLeadActivity, " + assemblyFullName);
            string lead = LeadColumns.Table;
            return $$"""
                <Activity x:Class="XrmWorkflow00000000000000000000000000000000" xmlns="http://schemas.microsoft.com/netfx/2009/xaml/activities" xmlns:mva="clr-namespace:Microsoft.VisualBasic.Activities;assembly=System.Activities, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35" xmlns:mxs="clr-namespace:Microsoft.Xrm.Sdk;assembly=Microsoft.Xrm.Sdk, {{Sdk}}" xmlns:mxsq="clr-namespace:Microsoft.Xrm.Sdk.Query;assembly=Microsoft.Xrm.Sdk, {{Sdk}}" xmlns:mxswa="clr-namespace:Microsoft.Xrm.Sdk.Workflow.Activities;assembly=Microsoft.Xrm.Sdk.Workflow, {{Sdk}}" xmlns:s="clr-namespace:System;assembly=mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089" xmlns:scg="clr-namespace:System.Collections.Generic;assembly=mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089" xmlns:sco="clr-namespace:System.Collections.ObjectModel;assembly=mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089" xmlns:this="clr-namespace:" xmlns:x="http://schemas.microsoft.com/winfx/2006/xaml">
                  <x:Members>
                    <x:Property Name="InputEntities" Type="InArgument(scg:IDictionary(x:String, mxs:Entity))" />
                    <x:Property Name="CreatedEntities" Type="InArgument(scg:IDictionary(x:String, mxs:Entity))" />
                  </x:Members>
                  <this:XrmWorkflow00000000000000000000000000000000.InputEntities>
                    <InArgument x:TypeArguments="scg:IDictionary(x:String, mxs:Entity)" />
                  </this:XrmWorkflow00000000000000000000000000000000.InputEntities>
                  <this:XrmWorkflow00000000000000000000000000000000.CreatedEntities>
                    <InArgument x:TypeArguments="scg:IDictionary(x:String, mxs:Entity)" />
                  </this:XrmWorkflow00000000000000000000000000000000.CreatedEntities>
                  <mva:VisualBasic.Settings>Assembly references and imported namespaces for internal implementation</mva:VisualBasic.Settings>
                  <mxswa:Workflow>
                    <mxswa:Workflow.Variables>
                      <Variable x:TypeArguments="x:Int32" Default="0" Name="CustomActivityStep3Score_localParameter" />
                    </mxswa:Workflow.Variables>
                    <mxswa:ActivityReference AssemblyQualifiedName="{{Activity("ConditionSequence")}}" DisplayName="ConditionStep1: If the lead is Recycled">
                      <mxswa:ActivityReference.Arguments>
                        <InArgument x:TypeArguments="x:Boolean" x:Key="Wait">False</InArgument>
                      </mxswa:ActivityReference.Arguments>
                      <mxswa:ActivityReference.Properties>
                        <sco:Collection x:TypeArguments="Variable" x:Key="Variables">
                          <Variable x:TypeArguments="x:Boolean" Default="False" Name="ConditionBranchStep2_condition" />
                          <Variable x:TypeArguments="x:Object" Name="ConditionBranchStep2_1" />
                          <Variable x:TypeArguments="x:Object" Name="ConditionBranchStep2_2" />
                        </sco:Collection>
                        <sco:Collection x:TypeArguments="Activity" x:Key="Activities">
                          <mxswa:GetEntityProperty Attribute="{{LeadColumns.LifecycleStage}}" Entity="[InputEntities(&quot;primaryEntity&quot;)]" EntityName="{{lead}}" Value="[ConditionBranchStep2_1]">
                            <mxswa:GetEntityProperty.TargetType>
                              <InArgument x:TypeArguments="s:Type">
                                <mxswa:ReferenceLiteral x:TypeArguments="s:Type">
                                  <x:Null />
                                </mxswa:ReferenceLiteral>
                              </InArgument>
                            </mxswa:GetEntityProperty.TargetType>
                          </mxswa:GetEntityProperty>
                          <mxswa:ActivityReference AssemblyQualifiedName="{{Activity("EvaluateExpression")}}" DisplayName="EvaluateExpression">
                            <mxswa:ActivityReference.Arguments>
                              <InArgument x:TypeArguments="x:String" x:Key="ExpressionOperator">CreateCrmType</InArgument>
                              <InArgument x:TypeArguments="s:Object[]" x:Key="Parameters">[New Object() { Microsoft.Xrm.Sdk.Workflow.WorkflowPropertyType.OptionSetValue, "{{LifecycleStageValues.Recycled}}", "Picklist" }]</InArgument>
                              <InArgument x:TypeArguments="s:Type" x:Key="TargetType">
                                <mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="mxs:OptionSetValue" />
                              </InArgument>
                              <OutArgument x:TypeArguments="x:Object" x:Key="Result">[ConditionBranchStep2_2]</OutArgument>
                            </mxswa:ActivityReference.Arguments>
                          </mxswa:ActivityReference>
                          <mxswa:ActivityReference AssemblyQualifiedName="{{Activity("EvaluateCondition")}}" DisplayName="EvaluateCondition">
                            <mxswa:ActivityReference.Arguments>
                              <InArgument x:TypeArguments="mxsq:ConditionOperator" x:Key="ConditionOperator">Equal</InArgument>
                              <InArgument x:TypeArguments="s:Object[]" x:Key="Parameters">[New Object() { ConditionBranchStep2_2 }]</InArgument>
                              <InArgument x:TypeArguments="x:Object" x:Key="Operand">[ConditionBranchStep2_1]</InArgument>
                              <OutArgument x:TypeArguments="x:Boolean" x:Key="Result">[ConditionBranchStep2_condition]</OutArgument>
                            </mxswa:ActivityReference.Arguments>
                          </mxswa:ActivityReference>
                          <mxswa:ActivityReference AssemblyQualifiedName="{{Activity("ConditionBranch")}}" DisplayName="ConditionBranchStep2">
                            <mxswa:ActivityReference.Arguments>
                              <InArgument x:TypeArguments="x:Boolean" x:Key="Condition">[ConditionBranchStep2_condition]</InArgument>
                            </mxswa:ActivityReference.Arguments>
                            <mxswa:ActivityReference.Properties>
                              <mxswa:ActivityReference x:Key="Then" AssemblyQualifiedName="{{Activity("Composite")}}" DisplayName="ConditionBranchStep2">
                                <mxswa:ActivityReference.Properties>
                                  <sco:Collection x:TypeArguments="Variable" x:Key="Variables" />
                                  <sco:Collection x:TypeArguments="Activity" x:Key="Activities">
                                    <mxswa:ActivityReference AssemblyQualifiedName="{{Activity("Composite")}}" DisplayName="CustomActivityStep3: Hand back lead to marketing">
                                      <mxswa:ActivityReference.Properties>
                                        <sco:Collection x:TypeArguments="Variable" x:Key="Variables">
                                          <Variable x:TypeArguments="x:Object" Name="CustomActivityStep3_1" />
                                          <Variable x:TypeArguments="x:Object" Name="CustomActivityStep3_2" />
                                          <Variable x:TypeArguments="x:Object" Name="CustomActivityStep3_1_converted" />
                                          <Variable x:TypeArguments="x:Object" Name="CustomActivityStep3_3" />
                                          <Variable x:TypeArguments="x:Object" Name="CustomActivityStep3_4" />
                                          <Variable x:TypeArguments="x:Object" Name="CustomActivityStep3_5" />
                                          <Variable x:TypeArguments="x:Object" Name="CustomActivityStep3_3_converted" />
                                        </sco:Collection>
                                        <sco:Collection x:TypeArguments="Activity" x:Key="Activities">
                                          <mxswa:GetEntityProperty Attribute="{{LeadColumns.Id}}" Entity="[InputEntities(&quot;primaryEntity&quot;)]" EntityName="{{lead}}" Value="[CustomActivityStep3_2]">
                                            <mxswa:GetEntityProperty.TargetType>
                                              <InArgument x:TypeArguments="s:Type">
                                                <mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="mxs:EntityReference" />
                                              </InArgument>
                                            </mxswa:GetEntityProperty.TargetType>
                                          </mxswa:GetEntityProperty>
                                          <mxswa:ActivityReference AssemblyQualifiedName="{{Activity("EvaluateExpression")}}" DisplayName="EvaluateExpression">
                                            <mxswa:ActivityReference.Arguments>
                                              <InArgument x:TypeArguments="x:String" x:Key="ExpressionOperator">SelectFirstNonNull</InArgument>
                                              <InArgument x:TypeArguments="s:Object[]" x:Key="Parameters">[New Object() { CustomActivityStep3_2 }]</InArgument>
                                              <InArgument x:TypeArguments="s:Type" x:Key="TargetType">
                                                <mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="mxs:EntityReference" />
                                              </InArgument>
                                              <OutArgument x:TypeArguments="x:Object" x:Key="Result">[CustomActivityStep3_1]</OutArgument>
                                            </mxswa:ActivityReference.Arguments>
                                          </mxswa:ActivityReference>
                                          <mxswa:ActivityReference AssemblyQualifiedName="{{Activity("ConvertCrmXrmTypes")}}" DisplayName="ConvertCrmXrmTypes">
                                            <mxswa:ActivityReference.Arguments>
                                              <InArgument x:TypeArguments="x:Object" x:Key="Value">[CustomActivityStep3_1]</InArgument>
                                              <InArgument x:TypeArguments="s:Type" x:Key="TargetType">
                                                <mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="mxs:EntityReference" />
                                              </InArgument>
                                              <OutArgument x:TypeArguments="x:Object" x:Key="Result">[CustomActivityStep3_1_converted]</OutArgument>
                                            </mxswa:ActivityReference.Arguments>
                                          </mxswa:ActivityReference>
                                          <mxswa:GetEntityProperty Attribute="{{LeadColumns.HandBackReason}}" Entity="[InputEntities(&quot;primaryEntity&quot;)]" EntityName="{{lead}}" Value="[CustomActivityStep3_4]">
                                            <mxswa:GetEntityProperty.TargetType>
                                              <InArgument x:TypeArguments="s:Type">
                                                <mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="x:String" />
                                              </InArgument>
                                            </mxswa:GetEntityProperty.TargetType>
                                          </mxswa:GetEntityProperty>
                                          <mxswa:ActivityReference AssemblyQualifiedName="{{Activity("EvaluateExpression")}}" DisplayName="EvaluateExpression">
                                            <mxswa:ActivityReference.Arguments>
                                              <InArgument x:TypeArguments="x:String" x:Key="ExpressionOperator">CreateCrmType</InArgument>
                                              <InArgument x:TypeArguments="s:Object[]" x:Key="Parameters">[New Object() { Microsoft.Xrm.Sdk.Workflow.WorkflowPropertyType.String, "{{DefaultReason}}" }]</InArgument>
                                              <InArgument x:TypeArguments="s:Type" x:Key="TargetType">
                                                <mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="x:String" />
                                              </InArgument>
                                              <OutArgument x:TypeArguments="x:Object" x:Key="Result">[CustomActivityStep3_5]</OutArgument>
                                            </mxswa:ActivityReference.Arguments>
                                          </mxswa:ActivityReference>
                                          <mxswa:ActivityReference AssemblyQualifiedName="{{Activity("EvaluateExpression")}}" DisplayName="EvaluateExpression">
                                            <mxswa:ActivityReference.Arguments>
                                              <InArgument x:TypeArguments="x:String" x:Key="ExpressionOperator">SelectFirstNonNull</InArgument>
                                              <InArgument x:TypeArguments="s:Object[]" x:Key="Parameters">[New Object() { CustomActivityStep3_4, CustomActivityStep3_5 }]</InArgument>
                                              <InArgument x:TypeArguments="s:Type" x:Key="TargetType">
                                                <mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="x:String" />
                                              </InArgument>
                                              <OutArgument x:TypeArguments="x:Object" x:Key="Result">[CustomActivityStep3_3]</OutArgument>
                                            </mxswa:ActivityReference.Arguments>
                                          </mxswa:ActivityReference>
                                          <mxswa:ActivityReference AssemblyQualifiedName="{{Activity("ConvertCrmXrmTypes")}}" DisplayName="ConvertCrmXrmTypes">
                                            <mxswa:ActivityReference.Arguments>
                                              <InArgument x:TypeArguments="x:Object" x:Key="Value">[CustomActivityStep3_3]</InArgument>
                                              <InArgument x:TypeArguments="s:Type" x:Key="TargetType">
                                                <mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="x:String" />
                                              </InArgument>
                                              <OutArgument x:TypeArguments="x:Object" x:Key="Result">[CustomActivityStep3_3_converted]</OutArgument>
                                            </mxswa:ActivityReference.Arguments>
                                          </mxswa:ActivityReference>
                                          <mxswa:ActivityReference AssemblyQualifiedName="{{activity}}" DisplayName="CustomActivityStep3: Hand back lead to marketing">
                                            <mxswa:ActivityReference.Arguments>
                                              <InArgument x:TypeArguments="mxs:EntityReference" x:Key="Lead">[DirectCast(CustomActivityStep3_1_converted, Microsoft.Xrm.Sdk.EntityReference)]</InArgument>
                                              <InArgument x:TypeArguments="x:String" x:Key="Reason">[DirectCast(CustomActivityStep3_3_converted, System.String)]</InArgument>
                                              <OutArgument x:TypeArguments="x:Int32" x:Key="Score">[CustomActivityStep3Score_localParameter]</OutArgument>
                                            </mxswa:ActivityReference.Arguments>
                                          </mxswa:ActivityReference>
                                        </sco:Collection>
                                      </mxswa:ActivityReference.Properties>
                                    </mxswa:ActivityReference>
                                  </sco:Collection>
                                </mxswa:ActivityReference.Properties>
                              </mxswa:ActivityReference>
                              <x:Null x:Key="Else" />
                              <x:Null x:Key="Description" />
                            </mxswa:ActivityReference.Properties>
                          </mxswa:ActivityReference>
                        </sco:Collection>
                        <x:Boolean x:Key="ContainsElseBranch">False</x:Boolean>
                      </mxswa:ActivityReference.Properties>
                    </mxswa:ActivityReference>
                  </mxswa:Workflow>
                </Activity>
                """;
        }
    }
}
