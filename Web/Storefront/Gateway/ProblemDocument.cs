using System.Net.Http.Json;

namespace Platform.Storefront.Gateway;

/// <summary>An RFC 7807 problem document as the services write it, with the per-field <c>errors</c> map.</summary>
internal sealed record ProblemDocument(string? Title, string? Detail, int? Status, Dictionary<string, string[]>? Errors)
{
    public static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ProblemDocument? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<ProblemDocument>(GatewayClient.Json, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a problem document: the status alone speaks.
        }
        var errors = problem?.Errors ?? [];
        var message = errors.Count > 0 ? null : problem?.Detail ?? problem?.Title ?? $"The request failed ({(int)response.StatusCode}).";
        return ApiResult<T>.Problem(errors, message);
    }
}
