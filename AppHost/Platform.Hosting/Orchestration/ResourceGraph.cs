using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Orchestration;

/// <summary>The dependency order of the model: who starts before whom, and who stops after whom.</summary>
internal static class ResourceGraph
{
    /// <summary>
    /// Groups resources into levels: each resource's dependencies are all in earlier levels, so a level
    /// can start in parallel once the previous ones are up, and shutdown walks the levels backwards.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<IResource>> GetLevels(IReadOnlyList<IResource> resources)
    {
        var levelOf = new Dictionary<IResource, int>();
        var visiting = new List<IResource>();

        int Visit(IResource resource)
        {
            if (levelOf.TryGetValue(resource, out var known))
            {
                return known;
            }
            if (visiting.Contains(resource))
            {
                var cycle = visiting.SkipWhile(r => r != resource).Append(resource).Select(r => r.Name);
                throw new DistributedApplicationException($"The application model has a dependency cycle: {string.Join(" -> ", cycle)}.");
            }
            if (!resources.Contains(resource))
            {
                throw new DistributedApplicationException($"Resource '{resource.Name}' is referenced but not part of this application model.");
            }

            visiting.Add(resource);
            var level = resource.GetDependencies().Select(d => Visit(d) + 1).DefaultIfEmpty(0).Max();
            visiting.Remove(resource);
            levelOf[resource] = level;
            return level;
        }

        foreach (var resource in resources)
        {
            Visit(resource);
        }

        return levelOf.GroupBy(pair => pair.Value)
            .OrderBy(group => group.Key)
            .Select(group => (IReadOnlyList<IResource>)resources.Where(r => levelOf[r] == group.Key).ToList())
            .ToList();
    }
}
