using System.Net;
using System.Text.RegularExpressions;

namespace Platform.EndToEnd.Tests.Storefront;

/// <summary>
/// The storefront as a browser without JavaScript sees it: GET a page, POST its form back with the antiforgery
/// token and the <c>_handler</c> that names the form, follow nothing automatically.
/// </summary>
internal sealed partial class ShopClient : IDisposable
{
    private readonly HttpClient _http;

    public ShopClient(Uri storefront)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = storefront };
    }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress => _http.BaseAddress!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path, Cancellation);

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await _http.GetAsync(path, Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {html}");
        return html;
    }

    /// <summary>Posts <paramref name="fields"/> as the form <paramref name="formName"/> of the page at <paramref name="path"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string formName, params (string Name, string Value)[] fields)
    {
        var token = AntiforgeryToken().Match(await GetPageAsync(path)).Groups[1].Value;
        return await PostWithTokenAsync(path, formName, token, fields);
    }

    public Task<HttpResponseMessage> PostWithTokenAsync(string path, string formName, string token, params (string Name, string Value)[] fields)
    {
        var form = new List<KeyValuePair<string, string>> { new("_handler", formName), new("__RequestVerificationToken", token) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return _http.PostAsync(path, new FormUrlEncodedContent(form), Cancellation);
    }

    public static string AntiforgeryTokenOf(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    public Cookie? SessionCookie() => Cookies.GetAllCookies().FirstOrDefault(c => c.Name == StorefrontSystem.SessionCookie);

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
