using Microsoft.Playwright;

namespace Platform.EndToEnd.Tests.Browser;

/// <summary>Full-page screenshots kept as test artifacts in artifacts/screenshots at the repository's root.</summary>
public static class Screenshots
{
    /// <summary>artifacts/ at the repository's root, where CI collects what a run leaves.</summary>
    public static string ArtifactsDirectory { get; } = Path.Combine(FindRepositoryRoot(), "artifacts");

    public static string Directory { get; } = Path.Combine(ArtifactsDirectory, "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, $"{name}.png"), FullPage = true });
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
