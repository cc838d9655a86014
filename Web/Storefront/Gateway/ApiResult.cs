namespace Platform.Storefront.Gateway;

/// <summary>
/// The answer to a command: the value, or the API's problem — field errors keyed by camelCase field name
/// (the RFC 7807 <c>errors</c> map) and a message for the form as a whole.
/// </summary>
public sealed class ApiResult<T>
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private ApiResult(bool succeeded, T? value, IReadOnlyDictionary<string, string[]> errors, string? message) =>
        (Succeeded, Value, Errors, Message) = (succeeded, value, errors, message);

    public bool Succeeded { get; }

    public T? Value { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>What to show above the form: the problem's detail when no field explains it.</summary>
    public string? Message { get; }

    public static ApiResult<T> Success(T value) => new(true, value, NoErrors, null);

    public static ApiResult<T> Problem(IReadOnlyDictionary<string, string[]>? errors, string? message) =>
        new(false, default, errors ?? NoErrors, message);
}
