using Platform.Orders.Catalog;

namespace Platform.Orders.Endpoints;

/// <summary>Answers 503 when an endpoint needed the products service and could not reach it.</summary>
internal sealed class ProductsUnavailableFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ProductsUnavailableException)
        {
            return Problems.ProductsUnavailable();
        }
    }
}
