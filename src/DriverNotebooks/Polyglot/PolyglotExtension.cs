using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using DriverNotebooks.Charts;
using DriverNotebooks.Formatting;

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
        // A C# cell's result shows as in a magic command: its card, then each chart as an output of its own with
        // its plotly figure (the engine formats a value once, into one output, so the charts are added after it).
        ResultFormatters.ChartsInCardHtml = false;
        foreach (var csharp in (kernel as CompositeKernel)?.ChildKernels.Where(k => k.Name == "csharp") ?? []) csharp.AddMiddleware(ChartsAfterTheirCard);
        var loaded = $"DriverNotebooks is loaded: {string.Join(", ", DirectiveBridge.Directives.Select(d => d.Name))}. Add --help to any of them for usage."
                     + (problem is null ? "" : " " + problem);
        if (KernelInvocationContext.Current is { } context) KernelInvocationContextExtensions.DisplayAs(context, loaded, "text/plain");
    }

    /// <summary>
    /// After a C# submission, publishes each chart of every result it returned or displayed as a
    /// <c>DisplayedValueProduced</c> of its own, as <see cref="Handle"/> does for a magic command.
    /// </summary>
    private static async Task ChartsAfterTheirCard(KernelCommand command, KernelInvocationContext context, KernelPipelineContinuation next)
    {
        if (command is not SubmitCode)
        {
            await next(command, context);
            return;
        }
        var shown = new List<object>();
        using (context.KernelEvents.Subscribe(e =>
               {
                   var value = e switch { ReturnValueProduced r => r.Value, DisplayedValueProduced d => d.Value, _ => null };
                   if (value is not null && ReferenceEquals(e.Command, command)) lock (shown) shown.Add(value);
               }))
        {
            await next(command, context);
        }
        List<object> values;
        lock (shown) values = [.. shown];
        foreach (var value in values)
        {
            if (!ResultFormatters.TryGetParts(value, out _, out var charts)) continue;
            foreach (var chart in charts)
            {
                context.Publish(new DisplayedValueProduced(chart, command, [.. ChartBundle.Render(chart).Select(o => new FormattedValue(o.MimeType, o.Text))]));
            }
        }
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
