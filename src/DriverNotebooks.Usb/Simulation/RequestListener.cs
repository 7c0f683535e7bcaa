namespace DriverNotebooks.Usb;

/// <summary>Told of every completion as the engine runs (the traffic export); times in service intervals from the start.</summary>
internal interface IRequestListener
{
    /// <summary>The request submitted at <paramref name="submitted"/> completed at the end of interval <paramref name="completed"/>
    /// and is resubmitted at <paramref name="resubmit"/>.</summary>
    void Completed(double submitted, long completed, double resubmit);
}

/// <summary>No timeline, each completion told to <paramref name="listener"/>.</summary>
internal readonly struct ExportingTimeline(IRequestListener listener) : ITimelineSink
{
    public static bool Enabled => false;

    public static bool Exports => true;

    public void Completed(double submitted, long completed, double resubmit) => listener.Completed(submitted, completed, resubmit);

    public void Flush(long interval, long busy, long idle, long lost, long starved, long deliveredPackets, long droppedFixed, long fillFixed) { }

    public void AddQueued(long from, long to) { }
}

/// <summary>A timeline recorded, and each completion told to <paramref name="listener"/>.</summary>
internal readonly struct RecordingExportingTimeline(TimelineRecorder recorder, IRequestListener listener) : ITimelineSink
{
    public static bool Enabled => true;

    public static bool Exports => true;

    public void Completed(double submitted, long completed, double resubmit) => listener.Completed(submitted, completed, resubmit);

    public void Flush(long interval, long busy, long idle, long lost, long starved, long deliveredPackets, long droppedFixed, long fillFixed) =>
        recorder.Flush(interval, busy, idle, lost, starved, deliveredPackets, droppedFixed, fillFixed);

    public void AddQueued(long from, long to) => recorder.AddQueued(from, to);
}
