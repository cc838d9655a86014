namespace Platform.EventBus.Tests;

internal static class SampleEvents
{
    public static OrderPlaced OrderPlaced() =>
        new(Guid.NewGuid(), Guid.NewGuid(), [new OrderLine(Guid.NewGuid(), 2, 9.95m), new OrderLine(Guid.NewGuid(), 1, 20m)], 39.90m);

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
