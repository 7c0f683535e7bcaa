namespace DriverNotebooks.Usb.Tests.Descriptors;

/// <summary>The descriptor dumps in TestData/Descriptors (see the README there for where each comes from).</summary>
internal static class DumpFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Descriptors", name);

    public const string RealSense = "luftronix__librealsense__lsusb.txt";
    public const string MyGica = "cyrozap__geniatech-tv-tuner-re__MyGica-A681B-descriptor.txt";
    public const string C270Report = "espressif__esp-usb__logitech_c270.usbtreeview.txt";
    public const string C270Binary = "espressif__esp-usb__logitech_c270.descriptors";
    public const string IntelBluetooth = "intel_8087_0038.usb-devices.txt";

    public static DescriptorDump Read(string name, UsbSpeed? speed = null) => DescriptorDumpReader.ReadFile(PathOf(name), speed);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));
}
