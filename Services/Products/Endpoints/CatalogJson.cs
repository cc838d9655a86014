using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Products.Endpoints;

/// <summary>Answers catalog JSON that is already serialized (see <see cref="Catalog.CatalogCache"/>).</summary>
public static class CatalogJson
{
    public static Utf8ContentHttpResult Ok(ReadOnlyMemory<byte> json) =>
        TypedResults.Text(json.Span, "application/json; charset=utf-8");
}
