namespace Platform.Dashboard.Telemetry;

/// <summary>
/// Metric points per resource, instrument and series (dimension attributes). Each series keeps at most
/// <see cref="TelemetryLimits.MaxPointsPerSeries"/> points and there are at most <see cref="TelemetryLimits.MaxSeries"/>
/// series; the oldest points, and the earliest created series, go first.
/// </summary>
public sealed class MetricStore(TelemetryLimits limits)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Dictionary<(string Meter, string Name), InstrumentEntry>> _resources = new(StringComparer.Ordinal);
    private readonly Queue<SeriesEntry> _seriesByAge = new();
    private readonly ChangeSignal _changes = new();

    public long Version => _changes.Version;

    public Task<long> WaitForChangeAsync(long afterVersion, CancellationToken cancellationToken) =>
        _changes.WaitForChangeAsync(afterVersion, cancellationToken);

    public int SeriesCount
    {
        get { lock (_gate) { return _seriesByAge.Count; } }
    }

    public void Add(IEnumerable<MetricSample> samples)
    {
        var maxPoints = Math.Max(1, limits.MaxPointsPerSeries);
        var maxSeries = Math.Max(1, limits.MaxSeries);
        var added = false;
        lock (_gate)
        {
            foreach (var sample in samples)
            {
                var series = FindOrCreateSeries(sample);
                series.Points.Enqueue(sample.Point);
                while (series.Points.Count > maxPoints)
                {
                    series.Points.Dequeue();
                }
                added = true;
            }
            while (_seriesByAge.Count > maxSeries)
            {
                Evict(_seriesByAge.Dequeue());
            }
        }
        if (added)
        {
            _changes.Notify();
        }
    }

    /// <summary>The instruments of one resource (by its key), by meter then name.</summary>
    public IReadOnlyList<TelemetryInstrument> GetInstruments(string resourceKey)
    {
        lock (_gate)
        {
            return _resources.TryGetValue(resourceKey, out var instruments)
                ? instruments.Values.Select(i => i.Instrument)
                    .OrderBy(i => i.MeterName, StringComparer.Ordinal)
                    .ThenBy(i => i.Name, StringComparer.Ordinal)
                    .ToList()
                : [];
        }
    }

    /// <summary>The series of one instrument (empty when unknown), each a snapshot of its points, oldest first.</summary>
    public IReadOnlyList<MetricSeries> GetSeries(string resourceKey, string meterName, string instrumentName)
    {
        lock (_gate)
        {
            if (!_resources.TryGetValue(resourceKey, out var instruments)
                || !instruments.TryGetValue((meterName, instrumentName), out var instrument))
            {
                return [];
            }
            return instrument.Series.Values
                .Select(s => new MetricSeries(s.Dimensions, s.Points.ToList()))
                .ToList();
        }
    }

    /// <summary>The series of the first instrument with this name in the resource, whatever its meter.</summary>
    public IReadOnlyList<MetricSeries> GetSeries(string resourceKey, string instrumentName)
    {
        var instrument = GetInstruments(resourceKey).FirstOrDefault(i => i.Name == instrumentName);
        return instrument is null ? [] : GetSeries(resourceKey, instrument.MeterName, instrument.Name);
    }

    /// <summary>Every instrument of every resource with its series (for the export).</summary>
    public IReadOnlyList<(TelemetryInstrument Instrument, IReadOnlyList<MetricSeries> Series)> GetAll()
    {
        lock (_gate)
        {
            return _resources.Values
                .SelectMany(instruments => instruments.Values)
                .Select(i => (i.Instrument, (IReadOnlyList<MetricSeries>)i.Series.Values
                    .Select(s => new MetricSeries(s.Dimensions, s.Points.ToList())).ToList()))
                .ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _resources.Clear();
            _seriesByAge.Clear();
        }
        _changes.Notify();
    }

    private SeriesEntry FindOrCreateSeries(MetricSample sample)
    {
        var instrument = sample.Instrument;
        if (!_resources.TryGetValue(instrument.Resource.Key, out var instruments))
        {
            instruments = [];
            _resources.Add(instrument.Resource.Key, instruments);
        }
        var instrumentKey = (instrument.MeterName, instrument.Name);
        if (!instruments.TryGetValue(instrumentKey, out var entry))
        {
            entry = new InstrumentEntry(instrument);
            instruments.Add(instrumentKey, entry);
        }
        else
        {
            entry.Instrument = instrument; // the newest description, unit and resource attributes
        }
        var dimensions = sample.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        var seriesKey = string.Join('\u001f', dimensions.Select(d => $"{d.Key}\u001e{d.Value}"));
        if (!entry.Series.TryGetValue(seriesKey, out var series))
        {
            series = new SeriesEntry(entry, seriesKey, dimensions);
            entry.Series.Add(seriesKey, series);
            _seriesByAge.Enqueue(series);
        }
        return series;
    }

    private void Evict(SeriesEntry series)
    {
        var owner = series.Owner;
        owner.Series.Remove(series.Key);
        if (owner.Series.Count > 0)
        {
            return;
        }
        var resourceKey = owner.Instrument.Resource.Key;
        var instruments = _resources[resourceKey];
        instruments.Remove((owner.Instrument.MeterName, owner.Instrument.Name));
        if (instruments.Count == 0)
        {
            _resources.Remove(resourceKey);
        }
    }

    private sealed class InstrumentEntry(TelemetryInstrument instrument)
    {
        public TelemetryInstrument Instrument { get; set; } = instrument;
        public Dictionary<string, SeriesEntry> Series { get; } = new(StringComparer.Ordinal);
    }

    private sealed class SeriesEntry(InstrumentEntry owner, string key, IReadOnlyList<TelemetryAttribute> dimensions)
    {
        public InstrumentEntry Owner => owner;
        public string Key => key;
        public IReadOnlyList<TelemetryAttribute> Dimensions => dimensions;
        public Queue<MetricPoint> Points { get; } = new();
    }
}

/// <summary>One point of one instrument's series, as the receiver hands it to <see cref="MetricStore.Add"/>.</summary>
public sealed record MetricSample(TelemetryInstrument Instrument, IReadOnlyList<TelemetryAttribute> Dimensions, MetricPoint Point);
