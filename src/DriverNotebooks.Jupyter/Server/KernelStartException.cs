namespace DriverNotebooks.Jupyter;

/// <summary>The kernel could not start serving, e.g. a port in the connection file is taken. One line.</summary>
internal sealed class KernelStartException(string message, Exception? inner = null) : Exception(message, inner);
