using System.Net;
using System.Text.Json;

namespace Platform.EndToEnd.Tests;

internal static class ProblemAssertions
{
    /// <summary>
    /// The response is an RFC 7807 problem document with the expected status, or any 4xx when none is
    /// expected (never a 500, never an HTML page).
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode? expected = null)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        if (expected is { } code)
        {
            Assert.True(code == response.StatusCode, $"expected {(int)code}, got {status}: {body}");
        }
        else
        {
            Assert.True(status is >= 400 and < 500, $"expected a 4xx problem, got {status}: {body}");
        }
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>A validation problem whose <c>errors</c> map names <paramref name="field"/> (any casing).</summary>
    public static async Task AssertValidationProblemAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync();
        Assert.True(problem.TryGetProperty("errors", out var errors), $"no errors map in {problem}");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase)
            || e.Name.EndsWith("." + field, StringComparison.OrdinalIgnoreCase) || e.Name.StartsWith(field, StringComparison.OrdinalIgnoreCase));
    }
}
