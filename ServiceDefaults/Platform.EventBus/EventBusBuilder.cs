using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Contracts;

namespace Platform.EventBus;

/// <summary>Adds handlers and the service's DbContext to the event bus; returned by <c>AddRabbitMQEventBus</c>.</summary>
public sealed class EventBusBuilder
{
    internal EventBusBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    /// <summary>Handles <typeparamref name="TEvent"/> with a scoped <typeparamref name="THandler"/>, and binds the service's queue to the event.</summary>
    public EventBusBuilder AddEventHandler<TEvent, THandler>()
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<IIntegrationEventHandler<TEvent>, THandler>());
        Services.AddSingleton(EventHandlerRegistration.For<TEvent>());
        return this;
    }

    /// <summary>
    /// Keeps the outbox and the inbox in the service's own <typeparamref name="TContext"/> (its model calls
    /// <c>modelBuilder.AddEventBus()</c>, and its migrations create their tables): enables
    /// <see cref="IEventBus"/>, the outbox dispatcher, and idempotent handling.
    /// </summary>
    public EventBusBuilder UseDbContext<TContext>() where TContext : DbContext
    {
        Services.AddScoped<IEventBus, OutboxEventBus<TContext>>();
        Services.AddSingleton<IInboxProcessor, InboxProcessor<TContext>>();
        Services.AddHostedService<OutboxDispatcher<TContext>>();
        Services.AddSingleton<OutboxCommitInterceptor>();
        Services.ConfigureDbContext<TContext>((services, options) => options.AddInterceptors(services.GetRequiredService<OutboxCommitInterceptor>()));
        return this;
    }
}
