using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Users.Tests;

internal static class Problems
{
    /// <summary>Asserts a problem document with <paramref name="status"/>; returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        Assert.Equal((int)status, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a 400 validation problem whose <c>errors</c> name <paramref name="field"/>.</summary>
    public static Task AssertValidationProblemAsync(HttpResponseMessage response, string field) =>
        AssertErrorsNameAsync(response, HttpStatusCode.BadRequest, field);

    public static async Task AssertErrorsNameAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var problem = await AssertProblemAsync(response, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for '{field}' in {problem}");
    }

    /// <summary>
    /// Posts raw JSON text. With <c>Expect: 100-continue</c>, as a client sending a large body should: the service
    /// refuses an oversized body (413) before reading it and closes the connection, and a client still writing the
    /// body would see that as a broken pipe instead of reading the 413.
    /// </summary>
    public static Task<HttpResponseMessage> PostJsonTextAsync(this HttpClient client, string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
