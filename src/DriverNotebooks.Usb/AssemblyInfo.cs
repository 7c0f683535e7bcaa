using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("DriverNotebooks.Usb.Tests")]
