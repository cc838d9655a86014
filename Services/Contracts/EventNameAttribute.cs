namespace Platform.Contracts;

/// <summary>
/// The stable name an integration event is routed by (the RabbitMQ routing key and message type).
/// It outlives renames and moves of the CLR type, so choose it once and never change it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
