using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.EventBus.Testing;

namespace Platform.EventBus.TestService;

/// <summary>
/// A crash-test hook: after the first commit of a handler's effects, and only while <paramref name="armFile"/>
/// exists (it is deleted on use), the process stops before the bus can acknowledge the message, and waits for
/// the test to kill it.
/// </summary>
internal sealed class HangAfterCommitInterceptor(string armFile) : DbTransactionInterceptor
{
    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.ChangeTracker.Entries<HandledEvent>().Any() == true && File.Exists(armFile))
        {
            File.Delete(armFile);
            Console.WriteLine("Committed a handled event; hanging before the acknowledgement until killed.");
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
        }
    }
}
