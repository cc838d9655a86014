using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// Writes generated parameter values into the AppHost's user secrets (~/.microsoft/usersecrets/&lt;id&gt;),
/// the same file <c>dotnet user-secrets</c> manages, so they stay on this machine and out of the repository.
/// </summary>
internal sealed class UserSecretsStore(string secretsFilePath)
{
    public string SecretsFilePath { get; } = secretsFilePath;

    public static UserSecretsStore? ForAssembly(Assembly assembly) =>
        assembly.GetCustomAttribute<UserSecretsIdAttribute>() is { } attribute
            ? new UserSecretsStore(PathHelper.GetSecretsPathFromSecretsId(attribute.UserSecretsId))
            : null;

    public void Save(string key, string value)
    {
        var secrets = File.Exists(SecretsFilePath)
            ? JsonNode.Parse(File.ReadAllText(SecretsFilePath))?.AsObject() ?? []
            : [];
        secrets[key] = value;

        Directory.CreateDirectory(Path.GetDirectoryName(SecretsFilePath)!);
        var temporary = SecretsFilePath + ".tmp";
        File.WriteAllText(temporary, secrets.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, SecretsFilePath, overwrite: true);
    }
}
