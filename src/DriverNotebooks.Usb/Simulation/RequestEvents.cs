namespace DriverNotebooks.Usb;

/// <summary>
/// Told of every completion as the engine runs (times in service intervals from the start): the request submitted at
/// <c>submitted</c> completed at the end of interval <c>completed</c> and is resubmitted at <c>resubmit</c>.
/// A struct type parameter of the event loop, like <see cref="ITimelineSink"/>: with <see cref="NoRequestEvents"/> every call compiles away.
/// </summary>
internal interface IRequestEvents
{
    static abstract bool Enabled { get; }

    void Completed(double submitted, long completed, double resubmit);
}

/// <summary>Nobody listens (every run but an export).</summary>
internal readonly struct NoRequestEvents : IRequestEvents
{
    public static bool Enabled => false;

    public void Completed(double submitted, long completed, double resubmit) { }
}

/// <summary>Forwards each completion to <paramref name="listener"/>.</summary>
internal readonly struct ForwardedRequestEvents(IRequestListener listener) : IRequestEvents
{
    public static bool Enabled => true;

    public void Completed(double submitted, long completed, double resubmit) => listener.Completed(submitted, completed, resubmit);
}

/// <summary>What <see cref="ForwardedRequestEvents"/> forwards to.</summary>
internal interface IRequestListener
{
    void Completed(double submitted, long completed, double resubmit);
}
