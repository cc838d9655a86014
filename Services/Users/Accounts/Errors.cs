namespace Platform.Users.Accounts;

/// <summary>Validation failures per JSON field, in the shape of a validation problem's <c>errors</c> map.</summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<string>> _byField = [];

    public bool Any => _byField.Count > 0;

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var messages))
        {
            _byField[field] = messages = [];
        }
        messages.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _byField.ToDictionary(f => f.Key, f => f.Value.ToArray());
}
