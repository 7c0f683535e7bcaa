namespace DriverNotebooks.Cli.Tests;

/// <summary>The real dumps of the USB engine's tests (tests/DriverNotebooks.Usb.Tests/TestData/Descriptors, README there).</summary>
internal static class DescriptorDumps
{
    public const string MyGica = "cyrozap__geniatech-tv-tuner-re__MyGica-A681B-descriptor.txt";
    public const string RealSense = "luftronix__librealsense__lsusb.txt";
    public const string C270Report = "espressif__esp-usb__logitech_c270.usbtreeview.txt";
    public const string C270Binary = "espressif__esp-usb__logitech_c270.descriptors";

    public static string PathOf(string name) => Repository.PathOf("tests", "DriverNotebooks.Usb.Tests", "TestData", "Descriptors", name);
}
