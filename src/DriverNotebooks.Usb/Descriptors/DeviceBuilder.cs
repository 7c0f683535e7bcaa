namespace DriverNotebooks.Usb;

/// <summary>A device being read from a dump, field by field; <see cref="Build"/> settles its speed and freezes it.</summary>
internal sealed class DeviceBuilder
{
    public int VendorId;
    public int ProductId;
    public int BcdUsb;
    public int MaxPacketSize0;
    public int DeviceClass;
    public int DeviceProtocol;
    public int? Bus;
    public int? Address;
    public string Name = "";
    public bool SawDeviceDescriptor;
    public UsbSpeed? StatedSpeed;
    public string StatedHow = "";
    public readonly List<ConfigurationBuilder> Configurations = [];

    public ConfigurationBuilder? CurrentConfiguration => Configurations.Count > 0 ? Configurations[^1] : null;

    public InterfaceBuilder? CurrentInterface => CurrentConfiguration?.Interfaces is { Count: > 0 } i ? i[^1] : null;

    public EndpointBuilder? CurrentEndpoint => CurrentInterface?.Endpoints is { Count: > 0 } e ? e[^1] : null;

    public DumpedDevice Build(string source, UsbSpeed? speedOverride)
    {
        var endpoints = Configurations.SelectMany(c => c.Interfaces).SelectMany(i => i.Endpoints).ToList();
        foreach (var e in endpoints) e.Check(source);
        var speed = SpeedInference.Decide(this, endpoints, speedOverride);
        var configurations = Configurations.Select(c => new DumpedConfiguration(c.Value,
            c.Interfaces.Select(i => new DumpedInterface(i.Number, i.AlternateSetting, i.Class, i.Endpoints.Select(e => e.Build(speed.Speed)).ToArray())
            {
                SubClass = i.SubClass,
                Protocol = i.Protocol,
            }).ToArray())).ToArray();
        return new DumpedDevice(VendorId, ProductId, BcdUsb, speed, configurations)
        {
            Bus = Bus,
            Address = Address,
            MaxPacketSize0 = MaxPacketSize0,
            Name = Name,
        };
    }
}

internal sealed class ConfigurationBuilder(int value)
{
    public int Value = value;
    public readonly List<InterfaceBuilder> Interfaces = [];
}

internal sealed class InterfaceBuilder
{
    public int Number;
    public int AlternateSetting;
    public int Class;
    public int SubClass;
    public int Protocol;
    public readonly List<EndpointBuilder> Endpoints = [];
}

internal sealed class EndpointBuilder(string where)
{
    public readonly string Where = where;
    public int? Address;
    public int? Attributes;
    public int WMaxPacketSize;
    public int BInterval;
    public bool HasCompanion;
    public int MaxBurst;
    public int CompanionAttributes;
    public int? BytesPerInterval;
    public long? SuperSpeedPlusBytesPerInterval;

    /// <summary>usb-devices text gives the period, not bInterval; decoded once the speed is known.</summary>
    public long? PeriodMicroseconds;

    /// <summary>/sys/kernel/debug/usb/devices shows max packet × mult at high speed; split once the speed is known.</summary>
    public bool MaxPacketIncludesMult;

    public TransferType Type => (Attributes!.Value & 3) switch
    {
        0 => TransferType.Control,
        1 => TransferType.Isochronous,
        2 => TransferType.Bulk,
        _ => TransferType.Interrupt,
    };

    public void Check(string source)
    {
        if (Address is null) throw new DescriptorDumpException(source, Where, "endpoint descriptor without bEndpointAddress");
        if (Attributes is null) throw new DescriptorDumpException(source, Where, "endpoint descriptor without bmAttributes");
    }

    public DumpedEndpoint Build(UsbSpeed speed)
    {
        var type = Type;
        var wMaxPacketSize = WMaxPacketSize;
        if (MaxPacketIncludesMult && speed == UsbSpeed.High && EndpointRules.IsPeriodic(type) && wMaxPacketSize > 1024)
        {
            var mult = (wMaxPacketSize + 1023) / 1024;
            wMaxPacketSize = wMaxPacketSize / mult | (mult - 1) << 11;
        }
        var bInterval = PeriodMicroseconds is { } period ? IntervalFromPeriod(speed, type, period) : BInterval;
        return new DumpedEndpoint(Address!.Value, type, wMaxPacketSize, bInterval)
        {
            Companion = HasCompanion ? new SuperSpeedCompanion(MaxBurst, CompanionAttributes, BytesPerInterval) { SuperSpeedPlusBytesPerInterval = SuperSpeedPlusBytesPerInterval } : null,
            Where = Where,
        };
    }

    /// <summary>The bInterval that Linux prints as <paramref name="microseconds"/> (drivers/usb/core/devices.c, endpoint.c).</summary>
    private static int IntervalFromPeriod(UsbSpeed speed, TransferType type, long microseconds)
    {
        if (!EndpointRules.IsPeriodic(type)) return 0;
        var fast = speed >= UsbSpeed.High;
        if (type == TransferType.Interrupt && !fast) return (int)Math.Clamp(microseconds / 1000, 0, 255);
        var units = microseconds / (fast ? 125 : 1000);
        return units <= 0 ? 0 : Math.Min(16, System.Numerics.BitOperations.Log2((ulong)units) + 1);
    }
}
