using System.Text.RegularExpressions;

namespace Platform.Hosting.ApplicationModel;

internal static partial class ResourceNames
{
    // The same rule as Aspire: names become environment variable parts and host names.
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9-]{0,63}$")]
    private static partial Regex ValidName();

    public static string Validate(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!ValidName().IsMatch(name) || name.EndsWith('-') || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Resource name '{name}' is invalid: use ASCII letters, digits and single hyphens, starting with a letter, at most 64 characters.",
                nameof(name));
        }
        return name;
    }
}
