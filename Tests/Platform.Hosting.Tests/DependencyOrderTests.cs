using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Tests;

public sealed class DependencyOrderTests
{
    [Fact]
    public void Resources_start_after_what_they_wait_for_reference_or_live_in()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var postgres = builder.AddPostgres("pg");
        var usersDb = postgres.AddDatabase("usersdb");
        var cache = builder.AddRedis("cache");
        var users = builder.AddProject<Projects.Platform_Hosting_TestApp>("users").WithReference(usersDb).WaitFor(usersDb);
        var gateway = builder.AddProject<Projects.Platform_Hosting_TestApp>("gateway").WithReference(users).WaitFor(users).WithReference(cache);

        var levels = ResourceGraph.GetLevels(builder.Resources);

        int LevelOf(IResource resource) => levels.Select((level, index) => (level, index)).Single(l => l.level.Contains(resource)).index;
        Assert.True(LevelOf(postgres.Resource) < LevelOf(usersDb.Resource));
        Assert.True(LevelOf(usersDb.Resource) < LevelOf(users.Resource));
        Assert.True(LevelOf(users.Resource) < LevelOf(gateway.Resource));
        Assert.True(LevelOf(cache.Resource) < LevelOf(gateway.Resource));
        Assert.Equal(0, LevelOf(cache.Resource));
        Assert.Equal(builder.Resources.Count, levels.Sum(l => l.Count));
    }

    [Fact]
    public void Independent_resources_share_a_level_so_they_start_in_parallel()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var postgres = builder.AddPostgres("pg");
        var cache = builder.AddRedis("cache");
        var messaging = builder.AddRabbitMQ("messaging");

        var levels = ResourceGraph.GetLevels(builder.Resources);

        Assert.Contains(levels, level => level.Contains(postgres.Resource) && level.Contains(cache.Resource) && level.Contains(messaging.Resource));
    }

    [Fact]
    public void A_dependency_cycle_fails_the_build_naming_it()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var a = builder.AddProject<Projects.Platform_Hosting_TestApp>("a");
        var b = builder.AddProject<Projects.Platform_Hosting_TestApp>("b").WaitFor(a);
        a.WaitFor(b);

        var error = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Contains("cycle", error.Message);
        Assert.Contains("a -> b -> a", error.Message);
    }

    [Fact]
    public void A_resource_of_another_model_is_rejected()
    {
        var other = DistributedApplicationTestingBuilder.Create().AddRedis("cache");
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddProject<Projects.Platform_Hosting_TestApp>("api").WaitFor(other);

        var error = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Contains("not part of this application model", error.Message);
    }
}
