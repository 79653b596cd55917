using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.Engine
{
    public enum ModelStatus
    {
        Draft,
        Active,
        Retired,
    }

    /// <summary>The two sides that must approve a model before it becomes active.</summary>
    public enum ApprovalSide
    {
        Marketing,
        Sales,
    }

    /// <summary>A model's status and who approved it, per side (null: not approved).</summary>
    public sealed record ApprovalState(ModelStatus Status, IReadOnlyDictionary<ApprovalSide, Guid?> Approvers)
    {
        public static ApprovalState NewDraft { get; } = new(ModelStatus.Draft, NoApprovals());

        public Guid? Approver(ApprovalSide side) => Approvers.TryGetValue(side, out var id) ? id : null;

        public static IReadOnlyDictionary<ApprovalSide, Guid?> NoApprovals() => new Dictionary<ApprovalSide, Guid?> { [ApprovalSide.Marketing] = null, [ApprovalSide.Sales] = null };
    }

    /// <summary>
    /// One save of a model: the status asked for (null: unchanged), whether any setting or rule
    /// changed, and the approvals given (a user id) or withdrawn (null) with it.
    /// </summary>
    public sealed record ModelEdit(ModelStatus? Status, bool SettingsChanged, IReadOnlyDictionary<ApprovalSide, Guid?> Approvals);

    /// <summary>
    /// Who saves the model and which approver roles they hold; the role names appear in the refusals.
    /// <paramref name="IsProduct"/>: the save is the product's own write inside another operation (retiring
    /// the active model while an approved successor is activated, clearing approvals after a rule changed).
    /// </summary>
    public sealed record Editor(Guid UserId, Func<ApprovalSide, bool> HasRole, Func<ApprovalSide, string> RoleName, bool IsProduct = false);

    /// <summary>
    /// The approval policy of a scoring model: draft → active → retired. A draft becomes active only
    /// with a marketing and a sales approval; any edit of its settings clears the approvals given to
    /// the settings as they were; each approver approves for themself and needs the side's role; an
    /// active model is never edited in place and is retired only by the activation of an approved
    /// successor (or directly, while another Active model scores instead of it); the two approvals come from two different people; only the person who gave an
    /// approval withdraws it; a retired model never changes.
    /// </summary>
    public static class ModelApproval
    {
        /// <summary>The state after the edit, or a ScoringException saying why the edit is refused.</summary>
        /// <param name="anotherModelScores">Another Active model scores instead of this one (two Active models: a race or a direct data edit): retiring this one stops nothing.</param>
        public static ApprovalState Decide(ApprovalState before, ModelEdit edit, Editor editor, string description, bool anotherModelScores = false)
        {
            var statusAfter = edit.Status ?? before.Status;
            var touched = edit.SettingsChanged || edit.Approvals.Count > 0;
            if (before.Status == ModelStatus.Active && (touched || (statusAfter != ModelStatus.Active && statusAfter != ModelStatus.Retired)))
            {
                throw new ScoringException(description + " is Active and cannot be edited. Copy it to a new version, edit the copy and have it approved.");
            }

            if (before.Status == ModelStatus.Active && statusAfter == ModelStatus.Retired && !editor.IsProduct && !anotherModelScores)
            {
                // One person must not be able to stop scoring: retiring takes the same two approvals as activating.
                throw new ScoringException(description + " is Active: it is retired only when a successor that marketing and sales approved is activated. Copy it to a new version, have it approved and activate it.");
            }

            if (before.Status == ModelStatus.Retired && (touched || statusAfter != ModelStatus.Retired))
            {
                throw new ScoringException(description + " is Retired and cannot be changed. Copy it to a new version.");
            }

            var approvers = edit.SettingsChanged ? ApprovalState.NoApprovals() : Approve(before, edit, editor);
            if (approvers[ApprovalSide.Marketing] is { } marketing && approvers[ApprovalSide.Sales] == marketing)
            {
                throw new ScoringException(description + ": the marketing and the sales approval must come from two different people; you already gave the other one.");
            }

            if (before.Status != ModelStatus.Active && statusAfter == ModelStatus.Active)
            {
                var missing = approvers.Where(a => a.Value == null).Select(a => a.Key).OrderBy(s => s).Select(s => "a " + Word(s) + " approver (" + editor.RoleName(s) + ")").ToList();
                if (missing.Count > 0)
                {
                    throw new ScoringException(description + " cannot be activated: it still needs the approval of " + string.Join(" and ", missing) + ".");
                }
            }

            return new ApprovalState(statusAfter, approvers);
        }

        private static IReadOnlyDictionary<ApprovalSide, Guid?> Approve(ApprovalState before, ModelEdit edit, Editor editor)
        {
            var approvers = new Dictionary<ApprovalSide, Guid?> { [ApprovalSide.Marketing] = before.Approver(ApprovalSide.Marketing), [ApprovalSide.Sales] = before.Approver(ApprovalSide.Sales) };
            foreach (var approval in edit.Approvals)
            {
                if (approval.Value is { } user)
                {
                    if (user != editor.UserId)
                    {
                        throw new ScoringException("Approvals are personal: set the " + Word(approval.Key) + " approver to yourself. Nobody can approve for someone else.");
                    }

                    if (!editor.HasRole(approval.Key))
                    {
                        throw new ScoringException("Only users with the '" + editor.RoleName(approval.Key) + "' security role can give this approval.");
                    }
                }

                else if (before.Approver(approval.Key) is { } giver && giver != editor.UserId && !editor.IsProduct)
                {
                    throw new ScoringException("Only the " + Word(approval.Key) + " approver who gave the approval can withdraw it.");
                }

                approvers[approval.Key] = approval.Value; // null withdraws the approval
            }

            return approvers;
        }

        private static string Word(ApprovalSide side) => side == ApprovalSide.Marketing ? "marketing" : "sales";
    }
}
