namespace Platform.Storefront.Components.Shared;

/// <summary>The API's answer to a form, per field (camelCase names, as in the problem's <c>errors</c>) and overall.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string[]> _fields = new(StringComparer.OrdinalIgnoreCase);

    public string? Message { get; private set; }

    public bool Any => Message is not null || _fields.Count > 0;

    public static FormErrors From<T>(Gateway.ApiResult<T> result)
    {
        var errors = new FormErrors { Message = result.Message };
        foreach (var (field, messages) in result.Errors)
        {
            errors._fields[field] = messages;
        }
        return errors;
    }

    public void Add(string field, string message) => _fields[field] = [.. _fields.GetValueOrDefault(field, []), message];

    public void SetMessage(string message) => Message = message;

    public IReadOnlyList<string> For(string field) => _fields.GetValueOrDefault(field, []);

    /// <summary>The errors about fields the form does not show, for its summary.</summary>
    public IEnumerable<string> Except(IReadOnlyCollection<string> shownFields) =>
        _fields.Where(f => !shownFields.Contains(f.Key, StringComparer.OrdinalIgnoreCase)).SelectMany(f => f.Value);
}
