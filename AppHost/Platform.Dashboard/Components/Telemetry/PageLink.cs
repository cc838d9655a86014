using Microsoft.AspNetCore.Http;

namespace Platform.Dashboard.Components.Telemetry;

/// <summary>Builds a page's URL from its path and the query parameters that have a value.</summary>
public static class PageLink
{
    public static string To(string path, params (string Name, string? Value)[] parameters) =>
        path + QueryString.Create(parameters
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => KeyValuePair.Create(p.Name, p.Value))).ToUriComponent();

    /// <summary>A page number from the query: 1 when missing or not a positive number.</summary>
    public static int PageNumber(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page > 0
            ? Math.Min(page, 1_000_000)
            : 1;
}
