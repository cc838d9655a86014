using System.Text;

namespace Platform.EventBus.Tests;

public sealed class EventContractTests
{
    private static readonly Type[] EventTypes = typeof(IntegrationEvent).Assembly.GetTypes()
        .Where(type => type.IsSubclassOf(typeof(IntegrationEvent)) && !type.IsAbstract).ToArray();

    [Fact]
    public void Every_event_has_a_stable_unique_name()
    {
        var names = EventTypes.Select(EventNames.Of).ToList();

        Assert.Equal(
            ["order-cancelled", "order-confirmed", "order-placed", "product-price-changed", "stock-rejected", "stock-reserved", "user-deleted", "user-registered", "user-updated"],
            names.Order());
    }

    [Fact]
    public void An_event_without_a_name_is_refused()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => EventNames.Of(typeof(Unnamed)));
        Assert.Contains(nameof(Unnamed), exception.Message);
    }

    [Fact]
    public void Events_survive_the_wire_format_with_their_id_time_version_and_lines()
    {
        var placed = new OrderPlaced(Guid.NewGuid(), Guid.NewGuid(), [new OrderLine(Guid.NewGuid(), 3, 4.25m)], 12.75m) { Version = 2 };

        var json = EventSerializer.Serialize(placed);
        var read = (OrderPlaced)EventSerializer.Deserialize(Encoding.UTF8.GetBytes(json), typeof(OrderPlaced));

        Assert.Contains("\"unitPrice\":4.25", json);
        Assert.Equal((placed.Id, placed.OccurredAt, placed.Version, placed.OrderId, placed.UserId, placed.Total),
            (read.Id, read.OccurredAt, read.Version, read.OrderId, read.UserId, read.Total));
        Assert.Equal(placed.Lines, read.Lines);
    }

    private sealed record Unnamed : IntegrationEvent;
}
