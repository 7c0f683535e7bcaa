namespace DriverNotebooks.Usb;

/// <summary>What <see cref="EndpointValidator.Validate"/> returns: the checked endpoint, the checked pipeline (if any)
/// and every warning, in order.</summary>
public sealed record ValidatedInput(ValidatedEndpoint Endpoint, ValidatedPipeline? Pipeline, IReadOnlyList<string> Warnings);
