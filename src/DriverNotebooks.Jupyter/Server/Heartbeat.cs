using NetMQ;
using NetMQ.Sockets;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// The heartbeat: a thread of its own with a socket of its own that echoes every message back to its
/// sender, so a client sees the kernel alive while a cell keeps the other threads busy.
/// </summary>
internal sealed class Heartbeat : IDisposable
{
    private static readonly TimeSpan StopCheck = TimeSpan.FromMilliseconds(100);

    private readonly RouterSocket _socket;
    private readonly Thread _thread;
    private volatile bool _stopping;

    /// <summary>Binds the socket now, so a taken port fails the start; the echo thread starts with <see cref="Start"/>.</summary>
    public Heartbeat(string endpoint)
    {
        _socket = new RouterSocket();
        _socket.Options.Linger = TimeSpan.Zero;
        try
        {
            _socket.Bind(endpoint);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        _thread = new Thread(Echo) { IsBackground = true, Name = "drivernb-kernel-heartbeat" };
    }

    public void Start() => _thread.Start();

    /// <summary>Stops echoing and closes the socket; returns once the thread has ended.</summary>
    public void Dispose()
    {
        _stopping = true;
        if (_thread.IsAlive) _thread.Join();
        else _socket.Dispose();
    }

    private void Echo()
    {
        try
        {
            var message = new NetMQMessage();
            while (!_stopping)
            {
                if (!_socket.TryReceiveMultipartMessage(StopCheck, ref message)) continue;
                _socket.TrySendMultipartMessage(message);
                message = new NetMQMessage();
            }
        }
        finally
        {
            _socket.Dispose();
        }
    }
}
