namespace DriverNotebooks.Usb;

/// <summary>
/// The single entry point that checks a descriptor, and optionally the pipeline settings, under a policy.
/// The spec policy rejects what the spec forbids; the windows policy adds Windows' documented limits; the linux
/// policy mirrors usbcore, which fixes values up and warns instead of rejecting.
/// </summary>
public static class EndpointValidator
{
    /// <summary>Checks <paramref name="endpoint"/> (and <paramref name="pipeline"/>) under <paramref name="options"/>.</summary>
    /// <exception cref="UsbInputException">The first rule broken, with its field, value and what is allowed.</exception>
    public static ValidatedInput Validate(EndpointDescriptor endpoint, PipelineSettings? pipeline = null, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        options ??= AnalysisOptions.Default;
        var warnings = new List<string>();
        var validated = ValidateEndpoint(endpoint, options, warnings);
        validated = validated with { Warnings = warnings.ToArray() };
        ValidatedPipeline? checkedPipeline = pipeline is null ? null : ValidatePipeline(validated, pipeline, warnings);
        return new ValidatedInput(validated, checkedPipeline, warnings.ToArray());
    }

    private static ValidatedEndpoint ValidateEndpoint(EndpointDescriptor d, AnalysisOptions o, List<string> warnings)
    {
        var policy = o.Policy;
        if (!Enum.IsDefined(policy)) throw new UsbInputException(UsbInputField.Policy, policy.ToString(), "spec, windows or linux", $"policy {(int)policy} is not known; allowed: spec, windows or linux");
        if (!Enum.IsDefined(o.Stuffing)) throw new UsbInputException(UsbInputField.Stuffing, o.Stuffing.ToString(), "none or worst", $"stuffing {(int)o.Stuffing} is not known; allowed: none or worst");
        if (!Enum.IsDefined(d.Speed)) throw new UsbInputException(UsbInputField.Speed, d.Speed.ToString(), "low, full, high, super or superplus", $"speed {(int)d.Speed} is not known; allowed: low, full, high, super or superplus");
        if (!Enum.IsDefined(d.Type)) throw new UsbInputException(UsbInputField.Type, d.Type.ToString(), "control, bulk, interrupt or isochronous", $"type {(int)d.Type} is not known; allowed: control, bulk, interrupt or isochronous");
        if (!Enum.IsDefined(d.Direction)) throw new UsbInputException(UsbInputField.Direction, d.Direction.ToString(), "in or out", $"direction {(int)d.Direction} is not known; allowed: in or out");
        CheckOverhead(o.SuperSpeedPacketOverheadBytes);
        CheckOverhead(o.SuperSpeedPlusPacketOverheadBytes);

        var speed = d.Speed;
        var type = d.Type;
        var interval = d.Interval;
        var context = $"for a {UsbNames.Describe(speed)} {UsbNames.Describe(type)} endpoint under the {UsbNames.ToCliName(policy)} policy";

        // Transfer types that do not exist at low speed.
        if (speed == UsbSpeed.Low && type is TransferType.Bulk or TransferType.Isochronous)
        {
            if (policy == PollingPolicy.Linux && type == TransferType.Bulk)
            {
                warnings.Add("linux: usbcore reports \"endpoint is Bulk; changing to Interrupt\" (bInterval 1, max packet at most 8)");
                type = TransferType.Interrupt;
                interval = 1;
                context = $"for a low-speed bulk endpoint treated as interrupt under the linux policy";
            }
            else
            {
                throw UsbInputException.NotAllowed(UsbInputField.Type, "type", UsbNames.Describe(type),
                    $"at low speed under the {UsbNames.ToCliName(policy)} policy", "control or interrupt (USB 2.0 §5.3)"
                    + (type == TransferType.Bulk ? "; the linux policy turns low-speed bulk into interrupt" : ""));
            }
        }

        var maxp = CheckMaxPacket(d.MaxPacketSize, speed, type, policy, context, warnings, d.Speed == UsbSpeed.Low && d.Type == TransferType.Bulk);
        var mult = CheckMult(d, speed, type, maxp, policy, context, warnings);
        var burst = CheckBurst(d, speed, type, maxp, policy, o, context, warnings);

        var packets = 1;
        long bytesPerInterval = maxp;
        if (EndpointRules.IsPeriodic(type))
        {
            packets = UsbBus.IsSuperSpeed(speed) ? burst * mult : mult;
            bytesPerInterval = (long)maxp * packets;
            if (d.BytesPerInterval is { } bpi)
                bytesPerInterval = CheckBytesPerInterval(bpi, bytesPerInterval, speed, policy, context, warnings);
        }
        else if (d.BytesPerInterval is not null)
        {
            throw UsbInputException.NotAllowed(UsbInputField.BytesPerInterval, "bytes per interval", d.BytesPerInterval.Value.ToString(),
                context, "no value (wBytesPerInterval applies to SuperSpeed periodic endpoints only)");
        }

        var decoded = ServiceInterval.Decode(speed, type, interval, policy, warnings);
        return new ValidatedEndpoint(d, policy, type, maxp, packets, bytesPerInterval, decoded, []);
    }

    private static int CheckMaxPacket(int maxp, UsbSpeed speed, TransferType type, PollingPolicy policy, string context, List<string> warnings, bool lowSpeedBulk)
    {
        if (maxp < 1)
            throw UsbInputException.NotAllowed(UsbInputField.MaxPacket, "max packet", maxp.ToString(), context,
                $"{EndpointRules.Describe(EndpointRules.SpecMaxPacket(speed, type))} (a zero-bandwidth setting carries no data)");
        if (maxp > EndpointRules.MaxPacketFieldMax)
            throw UsbInputException.NotAllowed(UsbInputField.MaxPacket, "max packet", maxp.ToString(), context,
                $"{EndpointRules.Describe(EndpointRules.SpecMaxPacket(speed, type))} (bits 10..0 of wMaxPacketSize hold at most 2047)");

        var spec = EndpointRules.SpecMaxPacket(speed, type);
        var specOk = spec.Set is { Length: > 0 } set ? Array.IndexOf(set, maxp) >= 0 : maxp <= spec.Max;
        if (policy != PollingPolicy.Linux)
        {
            if (specOk) return maxp;
            var allowed = $"{EndpointRules.Describe(spec)} ({UsbNames.ToCliName(policy)} policy)";
            if (speed == UsbSpeed.High && type == TransferType.Bulk && maxp <= 1024)
                allowed += "; the linux policy tolerates other sizes with a warning";
            throw UsbInputException.NotAllowed(UsbInputField.MaxPacket, "max packet", maxp.ToString(), context, allowed);
        }

        // Linux: clamp above the table maximum; warn about HS bulk other than 512; xHCI programs 512 for HS bulk.
        var linuxMax = lowSpeedBulk ? 8 : EndpointRules.LinuxMaxPacket(speed, type);
        if (maxp > linuxMax)
        {
            warnings.Add($"linux: usbcore reports \"invalid maxpacket {maxp}, setting to {linuxMax}\"");
            maxp = linuxMax;
        }
        if (speed == UsbSpeed.High && type == TransferType.Bulk && maxp != 512)
        {
            warnings.Add($"linux: usbcore warns \"bulk endpoint has invalid maxpacket {maxp}\" (the spec requires 512)" +
                         (maxp > 512 ? "; the xHCI driver programs 512, which this model uses" : "; the xHCI driver programs 512 anyway"));
            if (maxp > 512) maxp = 512;
        }
        else if (!specOk)
        {
            warnings.Add($"linux accepts max packet {maxp}; the spec allows {EndpointRules.Describe(spec)}");
        }
        return maxp;
    }

    private static int CheckMult(EndpointDescriptor d, UsbSpeed speed, TransferType type, int maxp, PollingPolicy policy, string context, List<string> warnings)
    {
        var mult = d.Mult;
        if (mult is < 1 or > EndpointRules.MaxMult)
            throw UsbInputException.NotAllowed(UsbInputField.Mult, "mult", mult.ToString(), context, "1–3");
        if (mult == 1) return 1;
        if (!EndpointRules.MultApplies(speed, type))
            throw UsbInputException.NotAllowed(UsbInputField.Mult, "mult", mult.ToString(), context,
                "1 (mult applies to high-speed interrupt/isochronous and SuperSpeed isochronous endpoints only)");
        if (speed != UsbSpeed.High) return mult;

        var (min, max) = EndpointRules.HighBandwidthRange(mult);
        if (maxp >= min && maxp <= max) return mult;
        if (policy == PollingPolicy.Linux)
        {
            warnings.Add($"linux does not check USB 2.0 Table 9-14: mult {mult} needs max packet {min}–{max}, got {maxp}");
            return mult;
        }
        throw new UsbInputException(UsbInputField.Mult, mult.ToString(), $"mult 1 for max packet {maxp}",
            $"mult {mult} with max packet {maxp} is not allowed {context}; allowed: max packet {min}–{max} for mult {mult} (USB 2.0 Table 9-14), or mult 1");
    }

    private static int CheckBurst(EndpointDescriptor d, UsbSpeed speed, TransferType type, int maxp, PollingPolicy policy, AnalysisOptions o, string context, List<string> warnings)
    {
        var burst = d.Burst;
        if (burst is < 1 or > EndpointRules.SuperSpeedMaxBurst)
            throw UsbInputException.NotAllowed(UsbInputField.Burst, "burst", burst.ToString(), context, "1–16 (bMaxBurst 0–15)");
        if (burst == 1) return 1;
        if (!UsbBus.IsSuperSpeed(speed))
            throw UsbInputException.NotAllowed(UsbInputField.Burst, "burst", burst.ToString(), context, "1 (bursts are SuperSpeed only)");
        if (type == TransferType.Control)
            throw UsbInputException.NotAllowed(UsbInputField.Burst, "burst", burst.ToString(), context, "1 (bMaxBurst must be 0 for control endpoints)");

        if (type == TransferType.Interrupt && burst > EndpointRules.SuperSpeedInterruptSpecMaxBurst)
        {
            if (policy == PollingPolicy.Spec && !o.AllowSuperSpeedInterruptBurstBeyondSpec)
                throw UsbInputException.NotAllowed(UsbInputField.Burst, "burst", burst.ToString(), context,
                    "1–3 (the spec/compliance figure); hosts accept up to 16 as a what-if");
            warnings.Add($"SuperSpeed interrupt burst {burst} exceeds the spec/compliance figure of 3 packets; hosts were observed to accept up to 16");
        }
        if (EndpointRules.IsPeriodic(type) && maxp != 1024)
        {
            if (policy == PollingPolicy.Linux)
                warnings.Add($"a SuperSpeed {UsbNames.Describe(type)} endpoint with bMaxBurst > 0 should have max packet 1024, got {maxp}");
            else
                throw new UsbInputException(UsbInputField.MaxPacket, maxp.ToString(), "1024",
                    $"max packet {maxp} with burst {burst} is not allowed {context}; allowed: 1024 when bMaxBurst > 0 (USB 3.x §9.6.7)");
        }
        return burst;
    }

    private static long CheckBytesPerInterval(int bpi, long max, UsbSpeed speed, PollingPolicy policy, string context, List<string> warnings)
    {
        if (!UsbBus.IsSuperSpeed(speed))
            throw UsbInputException.NotAllowed(UsbInputField.BytesPerInterval, "bytes per interval", bpi.ToString(), context,
                "no value (wBytesPerInterval is a SuperSpeed companion field)");
        if (bpi < 1)
            throw UsbInputException.NotAllowed(UsbInputField.BytesPerInterval, "bytes per interval", bpi.ToString(), context, $"1–{max}");
        if (bpi <= max) return bpi;
        if (policy == PollingPolicy.Linux)
        {
            warnings.Add($"linux: usbcore reports wBytesPerInterval {bpi} too large, setting to {max}");
            return max;
        }
        throw UsbInputException.NotAllowed(UsbInputField.BytesPerInterval, "bytes per interval", bpi.ToString(), context,
            $"1–{max} (max packet × burst × Mult)");
    }

    private static ValidatedPipeline ValidatePipeline(ValidatedEndpoint e, PipelineSettings p, List<string> warnings)
    {
        if (p.Turnaround.Picoseconds < 0)
            throw UsbInputException.NotAllowed(UsbInputField.Turnaround, "turnaround", p.Turnaround.ToString(), "(a time cannot be negative)", "0 or more, e.g. 100us");
        if (p.DeviceTransferBytes is { } d && (d < 0 || d > p.TransferLength))
            throw UsbInputException.NotAllowed(UsbInputField.Transfer, "device transfer", d.ToString(), $"for reads of {p.TransferLength} B",
                $"0 to {p.TransferLength} bytes (the device can end a transfer early, not make it longer)");
        if (p.DeviceTransferBytes is not null && e.Direction == TransferDirection.Out)
            throw UsbInputException.NotAllowed(UsbInputField.Direction, "a device-ended transfer", "out", "", "IN endpoints (a short packet from the device ends an IN transfer)");
        if (!Enum.IsDefined(p.Queue))
            throw new UsbInputException(UsbInputField.Type, p.Queue.ToString(), "KmdfContinuousReader or Generic", $"request queue {(int)p.Queue} is not known");

        if (p.Queue == RequestQueue.Generic)
        {
            if (p.PendingReads is < 1 or > ContinuousReader.WhatIfPendingReadsMax)
                throw UsbInputException.NotAllowed(UsbInputField.Pending, "pending requests", p.PendingReads.ToString(), "for a generic request queue",
                    $"1–{ContinuousReader.WhatIfPendingReadsMax}");
            if (p.TransferLength < 1)
                throw UsbInputException.NotAllowed(UsbInputField.Transfer, "transfer length", p.TransferLength.ToString(), "for a generic request queue", "1 byte or more");
            return new ValidatedPipeline(p, p.PendingReads);
        }

        if (!ContinuousReader.Supports(e.Type, e.Direction))
        {
            var field = e.Direction == TransferDirection.Out ? UsbInputField.Direction : UsbInputField.Type;
            var value = e.Direction == TransferDirection.Out ? "out" : UsbNames.Describe(e.Type);
            throw new UsbInputException(field, value, "bulk or interrupt IN endpoints (or a generic request queue)",
                $"a KMDF continuous reader on {(e.Type is TransferType.Interrupt or TransferType.Isochronous ? "an" : "a")} {UsbNames.Describe(e.Type)} {e.Direction.ToString().ToUpperInvariant()} endpoint is not allowed (the framework returns STATUS_INVALID_DEVICE_REQUEST); allowed: bulk or interrupt IN endpoints, or model a generic request queue");
        }
        var n = ContinuousReader.EffectivePendingReads(p.PendingReads, p.AllowPendingReadsBeyondFrameworkMax, warnings);
        ContinuousReader.ValidateTransferLength(p.TransferLength, e.MaxPacketSize);
        return new ValidatedPipeline(p, n);
    }

    private static void CheckOverhead(int bytes)
    {
        if (bytes is < 0 or > 4096)
            throw UsbInputException.NotAllowed(UsbInputField.PacketOverhead, "packet overhead", bytes.ToString(), "(bytes of framing per SuperSpeed packet)", "0–4096 bytes (default 32)");
    }
}
