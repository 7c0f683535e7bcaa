namespace DriverNotebooks.Usb.Captures;

/// <summary>How much <see cref="CaptureVerdict.Decide"/> reports beside the verdict; the verdict itself is the same at both.</summary>
public enum VerdictDetail
{
    /// <summary>The analytic model, the simulation at the measured point and the what-if levers: the charted endpoint's.</summary>
    Full,

    /// <summary>The rules and the analytic model only, no simulation and no levers: a few microseconds, for every other endpoint.</summary>
    Analytic,
}
