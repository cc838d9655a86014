using System.Runtime.CompilerServices;

// The tests build raw OTLP messages (gzip, malformed and limit cases) with the generated types.
[assembly: InternalsVisibleTo("Platform.Dashboard.Tests")]
