namespace Platform.Gateway.Forwarding;

/// <summary>
/// The client's request body as it is streamed upstream, remembering why reading it failed (over the size limit,
/// a broken chunk). How the HttpClient reports that failure depends on what sits between the gateway and the
/// service (a proxy such as Aspire's may reset the connection first), so the gateway asks this, not the error.
/// </summary>
public sealed class ClientBody(Stream body) : Stream
{
    /// <summary>One read at a time: the HttpClient's copy of the body may still be reading when the rest is drained.</summary>
    private readonly SemaphoreSlim reading = new(1, 1);

    public BadHttpRequestException? Failure { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await reading.WaitAsync(cancellationToken);
        try
        {
            return await body.ReadAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException failure)
        {
            Failure = failure;
            throw;
        }
        finally
        {
            reading.Release();
        }
    }

    /// <summary>
    /// Reads what the upstream did not take (a service that refuses a body early closes the connection, and the
    /// reset can arrive before the gateway read past its own limit), so a body over the gateway's limit is refused
    /// as such whatever the upstream did. The gateway's limit bounds the read.
    /// </summary>
    public async Task<BadHttpRequestException?> FailureOfTheRestAsync(CancellationToken cancellationToken)
    {
        var discard = new byte[16 * 1024];
        try
        {
            while (Failure is null && await ReadAsync(discard, cancellationToken) > 0)
            {
            }
        }
        catch (Exception error) when (error is BadHttpRequestException or IOException or OperationCanceledException or InvalidOperationException)
        {
        }
        return Failure;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The client's body is read asynchronously.");

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
