using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace DriverNotebooks.Polyglot;

/// <summary>
/// The Polyglot Notebooks extension, compiled: <c>extension.dib</c> only calls <see cref="Load"/>. Compiled
/// here rather than written in the script, the registration costs the engine no script compilation (about
/// 0.4 s of a 0.8 s load when it was a cell). Only the .NET Interactive engine calls into this type; it is
/// compiled against that engine's assembly, which our own runner and kernel neither reference nor load.
/// One consequence: outside the engine, <c>Assembly.GetTypes()</c> on DriverNotebooks.dll throws for the
/// internal <see cref="DriverNotebooksDirective"/> (its base type is the engine's); look types up by name.
/// </summary>
public static class PolyglotExtension
{
    /// <summary>
    /// Gets the host ready (<see cref="DirectiveBridge.Prepare"/>), registers one directive per magic command on
    /// <paramref name="rootKernel"/> (a .NET Interactive <c>Kernel</c>; typed as object so that this library's
    /// public surface names no engine type), and tells the user what arrived.
    /// </summary>
    public static void Load(object rootKernel) => Register((Kernel)rootKernel);

    private static void Register(Kernel kernel)
    {
        // First, before anything touches Plotly.NET: lets it load beside the host's older FSharp.Core.
        var problem = DirectiveBridge.Prepare();
        foreach (var spec in DirectiveBridge.Directives)
        {
            var directive = new KernelActionDirective(spec.Name) { Description = spec.Description };
            foreach (var p in spec.Parameters)
            {
                var parameter = new KernelDirectiveParameter(p.Name, p.Description)
                {
                    Flag = p.Flag,
                    AllowImplicitName = p.ImplicitName,
                    MaxOccurrences = DirectiveParameterSpec.MaxOccurrences,
                };
                if (p.AllowedValues.Count > 0) parameter.AddCompletions(() => p.AllowedValues);
                directive.Parameters.Add(parameter);
            }
            kernel.AddDirective<DriverNotebooksDirective>(directive, Handle);
        }
        var loaded = $"DriverNotebooks is loaded: {string.Join(", ", DirectiveBridge.Directives.Select(d => d.Name))}. Add --help to any of them for usage."
                     + (problem is null ? "" : " " + problem);
        if (KernelInvocationContext.Current is { } context) KernelInvocationContextExtensions.DisplayAs(context, loaded, "text/plain");
    }

    private static Task Handle(DriverNotebooksDirective command, KernelInvocationContext context)
    {
        var result = DirectiveBridge.Run(DirectiveBridge.DirectiveText(command), command.Values, context.CancellationToken);
        if (!result.Succeeded)
        {
            context.Fail(context.Command, null, result.Error);
            return Task.CompletedTask;
        }
        foreach (var value in result.Values)
        {
            foreach (var output in DirectiveBridge.Outputs(value))
            {
                context.Publish(new DisplayedValueProduced(value, context.Command, [.. output.Select(o => new FormattedValue(o.MimeType, o.Text))]));
            }
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// The one command type behind every directive: the engine binds each parameter into <see cref="Values"/>
/// by its JSON name, plus <c>invokedDirective</c> (dotnet/interactive <c>Kernel.AddDirective&lt;TCommand&gt;</c>).
/// </summary>
internal sealed class DriverNotebooksDirective : KernelDirectiveCommand
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement> Values { get; set; } = [];
}
