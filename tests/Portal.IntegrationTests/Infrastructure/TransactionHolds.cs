using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using GatewayPortal.Data;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.Infrastructure;

/// <summary>Collects how long each database transaction of one portal host held its lock (<see cref="TransactionDurationMeter"/>).</summary>
public static class TransactionHolds
{
    /// <summary>Adds every transaction's BEGIN→COMMIT time, in seconds, to <paramref name="holds"/> until the listener is disposed.</summary>
    public static MeterListener Listen(PortalApplicationFactory portal, ConcurrentBag<double> holds)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var factory = portal.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == TransactionDurationMeter.InstrumentName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => holds.Add(seconds));
        listener.Start();
        return listener;
    }
}
