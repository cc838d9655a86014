namespace Platform.Gateway.Forwarding;

/// <summary>
/// The client's request body as it is streamed upstream, remembering why reading it failed (over the size limit,
/// a broken chunk). How the HttpClient reports that failure depends on what sits between the gateway and the
/// service (a proxy such as Aspire's may reset the connection first), so the gateway asks this, not the error.
/// </summary>
public sealed class ClientBody(Stream body) : Stream
{
    public BadHttpRequestException? Failure { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException failure)
        {
            Failure = failure;
            throw;
        }
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
