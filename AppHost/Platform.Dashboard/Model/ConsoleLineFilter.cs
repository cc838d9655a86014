namespace Platform.Dashboard.Model;

/// <summary>Which console lines a view shows: one replica's (or all), containing a text (or all).</summary>
public sealed record ConsoleLineFilter(string? Replica, string? Text)
{
    public bool Matches(DashboardConsoleLine line) =>
        (string.IsNullOrEmpty(Replica) || line.Replica == Replica)
        && (string.IsNullOrEmpty(Text) || line.Text.Contains(Text, StringComparison.OrdinalIgnoreCase));
}
