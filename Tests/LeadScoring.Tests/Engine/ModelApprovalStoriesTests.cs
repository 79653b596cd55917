using System;
using System.Collections.Generic;
using LeadScoring.Engine;

namespace LeadScoring.Tests.Engine;

/// <summary>The approval policy of a scoring model, told as stories against the pure policy.</summary>
public class ModelApprovalStoriesTests
{
    private static readonly Guid Marketer = Guid.NewGuid();
    private static readonly Guid SalesLead = Guid.NewGuid();
    private static readonly Guid Rep = Guid.NewGuid();
    private const string Model = "The scoring model 'Default' version 2";

    [Fact]
    public void A_draft_becomes_active_only_after_marketing_and_sales_approved()
    {
        var draft = ApprovalState.NewDraft;

        var marketingApproved = Decide(draft, Approval(ApprovalSide.Marketing, Marketer), Marketer);
        var refused = Refused(() => Decide(marketingApproved, Activate(), Marketer));
        Assert.Equal(Model + " cannot be activated: it still needs the approval of a sales approver (Sales role).", refused);

        var bothApproved = Decide(marketingApproved, Approval(ApprovalSide.Sales, SalesLead), SalesLead);
        var active = Decide(bothApproved, Activate(), Marketer);

        Assert.Equal(ModelStatus.Active, active.Status);
        Assert.Equal(Marketer, active.Approver(ApprovalSide.Marketing));
        Assert.Equal(SalesLead, active.Approver(ApprovalSide.Sales));
    }

    [Fact]
    public void Without_any_approval_activation_names_both_missing_approvers()
    {
        var refused = Refused(() => Decide(ApprovalState.NewDraft, Activate(), Marketer));

        Assert.Contains("a marketing approver (Marketing role) and a sales approver (Sales role)", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_edit_of_the_settings_clears_both_approvals()
    {
        var approved = Decide(Decide(ApprovalState.NewDraft, Approval(ApprovalSide.Marketing, Marketer), Marketer), Approval(ApprovalSide.Sales, SalesLead), SalesLead);

        var edited = Decide(approved, new ModelEdit(null, SettingsChanged: true, new Dictionary<ApprovalSide, Guid?>()), Marketer);

        Assert.Null(edited.Approver(ApprovalSide.Marketing));
        Assert.Null(edited.Approver(ApprovalSide.Sales));
        Assert.Equal(ModelStatus.Draft, edited.Status);
    }

    [Fact]
    public void Approvals_are_personal_and_need_the_sides_role()
    {
        var forSomeoneElse = Refused(() => Decide(ApprovalState.NewDraft, Approval(ApprovalSide.Sales, SalesLead), Marketer));
        var withoutRole = Refused(() => Decide(ApprovalState.NewDraft, Approval(ApprovalSide.Marketing, Rep), Rep));

        Assert.StartsWith("Approvals are personal", forSomeoneElse, StringComparison.Ordinal);
        Assert.Equal("Only users with the 'Marketing role' security role can give this approval.", withoutRole);
    }

    [Fact]
    public void An_approver_can_withdraw_their_approval()
    {
        var approved = Decide(ApprovalState.NewDraft, Approval(ApprovalSide.Marketing, Marketer), Marketer);

        var withdrawn = Decide(approved, Approval(ApprovalSide.Marketing, null), Marketer);

        Assert.Null(withdrawn.Approver(ApprovalSide.Marketing));
    }

    [Fact]
    public void An_active_model_is_never_edited_in_place_and_is_retired_only_by_its_successor_and_a_retired_one_never_changes()
    {
        var active = new ApprovalState(ModelStatus.Active, new Dictionary<ApprovalSide, Guid?> { [ApprovalSide.Marketing] = Marketer, [ApprovalSide.Sales] = SalesLead });

        Assert.Contains("is Active and cannot be edited. Copy it to a new version", Refused(() => Decide(active, new ModelEdit(null, true, new Dictionary<ApprovalSide, Guid?>()), Marketer)), StringComparison.Ordinal);
        Assert.Contains("is Active and cannot be edited", Refused(() => Decide(active, Approval(ApprovalSide.Marketing, null), Marketer)), StringComparison.Ordinal);
        Assert.Contains("is Active and cannot be edited", Refused(() => Decide(active, new ModelEdit(ModelStatus.Draft, false, new Dictionary<ApprovalSide, Guid?>()), Marketer)), StringComparison.Ordinal);

        var retire = new ModelEdit(ModelStatus.Retired, false, new Dictionary<ApprovalSide, Guid?>());
        Assert.Contains("is retired only when a successor that marketing and sales approved is activated", Refused(() => Decide(active, retire, Marketer)), StringComparison.Ordinal);
        var retired = ModelApproval.Decide(active, retire, new Editor(Guid.Empty, _ => false, side => side + " role", IsProduct: true), Model);
        Assert.Equal(ModelStatus.Retired, retired.Status);
        Assert.Contains("is Retired and cannot be changed", Refused(() => Decide(retired, Activate(), Marketer)), StringComparison.Ordinal);
    }

    private static ApprovalState Decide(ApprovalState state, ModelEdit edit, Guid user) =>
        ModelApproval.Decide(state, edit, new Editor(user, side => user == (side == ApprovalSide.Marketing ? Marketer : SalesLead), side => side + " role"), Model);

    private static ModelEdit Approval(ApprovalSide side, Guid? user) => new(null, false, new Dictionary<ApprovalSide, Guid?> { [side] = user });

    private static ModelEdit Activate() => new(ModelStatus.Active, false, new Dictionary<ApprovalSide, Guid?>());

    private static string Refused(Action act) => Assert.Throws<ScoringException>(act).Message;
}
