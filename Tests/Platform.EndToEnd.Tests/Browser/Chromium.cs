using Microsoft.Playwright;

namespace Platform.EndToEnd.Tests.Browser;

/// <summary>
/// Playwright driving the system's Chromium (Debian package <c>chromium</c>; test.sh installs it): Playwright's
/// own browser downloads are out of reach on these machines. <c>PLATFORM_CHROMIUM</c> points elsewhere.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public static readonly (int Width, int Height) Desktop = (1280, 900);
    public static readonly (int Width, int Height) Phone = (390, 844);

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser) => (_playwright, Browser) = (playwright, browser);

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("PLATFORM_CHROMIUM") ?? "/usr/bin/chromium",
                Headless = true,
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh browser context (own cookies) and page of the given size, failing fast on a hung page.</summary>
    public async Task<IPage> NewPageAsync((int Width, int Height)? size = null)
    {
        var (width, height) = size ?? Desktop;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
