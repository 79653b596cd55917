using Microsoft.Xrm.Sdk;

namespace LeadScoring.Dataverse
{
    public static class Records
    {
        /// <summary>The record as it is now: later sources override earlier ones (an image, then the Target's changed columns on top).</summary>
        public static Entity Merge(Entity? image, Entity? target)
        {
            var first = target ?? image ?? throw new System.ArgumentException("Nothing to merge: no image and no Target.");
            var merged = new Entity(first.LogicalName, first.Id);
            foreach (var source in new[] { image, target })
            {
                if (source == null)
                {
                    continue;
                }

                foreach (var attribute in source.Attributes)
                {
                    merged[attribute.Key] = attribute.Value;
                }

                if (!string.IsNullOrEmpty(source.RowVersion))
                {
                    merged.RowVersion = source.RowVersion;
                }
            }

            return merged;
        }
    }
}
