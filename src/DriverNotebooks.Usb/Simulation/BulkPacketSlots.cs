namespace DriverNotebooks.Usb;

/// <summary>
/// How the simulator serves a bulk endpoint: as a stream of packet slots at the host's ceiling B (the spec's bus budget,
/// the measured hosts' rate or a given rate; <see cref="EffectiveCeiling"/>), one max-size packet per slot.
/// </summary>
/// <remarks>
/// A bulk endpoint has no service interval: the host moves its queued transfers back to back, as fast as its share of the
/// bus allows, and starts the next queued transfer right after the last packet of the one before [S27a]. Slots of one
/// packet keep the simulator's rule "one request per interval" exact for bulk: a request of L bytes takes ceil(L / maxp)
/// slots, the next queued request starts in the following slot, and a request resubmitted T after its completion is served
/// from the first slot that starts at or after that instant (at most one slot, a few microseconds, later than the
/// continuous model X = min(B, N·L / (L/B + T)) would place it).
/// </remarks>
internal static class BulkPacketSlots
{
    /// <summary>The time one max-size packet takes at <paramref name="ceilingBytesPerSecond"/>, to the picosecond.</summary>
    public static Duration Slot(int maxPacket, double ceilingBytesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPacket, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ceilingBytesPerSecond);
        return Duration.FromSeconds(maxPacket / ceilingBytesPerSecond);
    }

    /// <summary>The note a bulk simulation carries: which ceiling serves it and how long a slot lasts.</summary>
    public static string Note(int maxPacket, Duration slot, EffectiveCeiling ceiling) =>
        $"bulk is simulated in packet slots at {(ceiling.HostRateGiven ? "the host's rate" : "the bus limit")} of " +
        $"{Quantities.FormatRate(ceiling.BytesPerSecond)}: one {maxPacket} B packet every {slot}";
}
