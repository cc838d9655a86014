using System.Diagnostics;
using System.Text.Json;

namespace Platform.Bench.Startup;

/// <summary>
/// Starts the AppHost as <c>dotnet run</c> would: from its project folder (where its appsettings.json is) with the
/// environment of its first "Project" launch profile (the dashboard's URLs and the Development environment).
/// </summary>
internal static class LaunchProfile
{
    public static ProcessStartInfo StartInfoFor(string appHostDll, string projectFolder)
    {
        var startInfo = new ProcessStartInfo("dotnet") { ArgumentList = { appHostDll }, WorkingDirectory = projectFolder };
        var settings = Path.Combine(projectFolder, "Properties", "launchSettings.json");
        if (!File.Exists(settings))
        {
            return startInfo;
        }
        using var json = JsonDocument.Parse(File.ReadAllText(settings));
        var profile = json.RootElement.GetProperty("profiles").EnumerateObject()
            .Select(p => p.Value)
            .FirstOrDefault(p => p.TryGetProperty("commandName", out var command) && command.GetString() == "Project");
        if (profile.ValueKind != JsonValueKind.Object)
        {
            return startInfo;
        }
        if (profile.TryGetProperty("applicationUrl", out var urls))
        {
            startInfo.Environment["ASPNETCORE_URLS"] = urls.GetString();
        }
        if (profile.TryGetProperty("environmentVariables", out var variables))
        {
            foreach (var variable in variables.EnumerateObject())
            {
                startInfo.Environment[variable.Name] = variable.Value.GetString();
            }
        }
        return startInfo;
    }
}
