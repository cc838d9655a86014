using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.EventBus.Tests;

/// <summary>Sums the counters and reads the gauges of one host's <c>Platform.EventBus</c> meter.</summary>
internal sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _values = new();

    public MeterRecorder(IServiceProvider services)
    {
        var meter = services.GetRequiredService<IMeterFactory>().Create(EventBusMetrics.MeterName);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Record(instrument, value));
        _listener.Start();
    }

    /// <summary>The sum of a counter, or the last observation of a gauge (observed now).</summary>
    public double Read(string instrumentName)
    {
        _listener.RecordObservableInstruments();
        return _values.GetValueOrDefault(instrumentName);
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value)
    {
        if (instrument.IsObservable)
        {
            _values[instrument.Name] = value;
        }
        else
        {
            _values.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
        }
    }
}
