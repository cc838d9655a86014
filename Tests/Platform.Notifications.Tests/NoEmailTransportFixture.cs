namespace Platform.Notifications.Tests;

/// <summary>One replica of the service with neither an SMTP host nor a pickup folder.</summary>
public sealed class NoEmailTransportFixture : NotificationsFixture
{
    protected override int ReplicaCount => 1;

    protected override IEnumerable<(string Name, string Value)> EmailEnvironment() => [];
}

[CollectionDefinition]
public sealed class NoEmailTransportCollection : ICollectionFixture<NoEmailTransportFixture>;
