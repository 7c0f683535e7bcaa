using NetMQ;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// Messages waiting for the socket thread to send them. Any thread may post (the message is encoded
/// and signed on the posting thread); only the socket thread, which owns every socket, sends. Messages
/// go out in the order they were posted, so a status <c>busy</c> always precedes the outputs after it.
/// Once closed (the kernel stopped), posts are dropped: an abandoned cell may still try to print.
/// </summary>
internal sealed class Outbox(MessageSigner signer) : IDisposable
{
    /// <summary>One encoded message for a channel, or the marker that stops the socket thread after everything before it.</summary>
    public sealed record Item(KernelChannel Channel, List<byte[]>? Frames)
    {
        public bool IsStop => Frames is null;
    }

    private readonly object _gate = new();
    private bool _closed;

    public NetMQQueue<Item> Queue { get; } = new();

    public void Post(KernelChannel channel, JupyterMessage message) => Enqueue(new Item(channel, WireFormat.Encode(message, signer)));

    /// <summary>Stops the socket thread once everything posted so far is sent.</summary>
    public void PostStop() => Enqueue(new Item(KernelChannel.Shell, null));

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            Queue.Dispose();
        }
    }

    private void Enqueue(Item item)
    {
        lock (_gate)
        {
            if (!_closed) Queue.Enqueue(item);
        }
    }
}
