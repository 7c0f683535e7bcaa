// A stand-in for the slice of the .NET Interactive API that extension.dib uses. The engine itself
// cannot be restored here, so CI compiles extension.dib against these declarations instead.
// Every public signature below mirrors dotnet/interactive at commit 098a01b (2026-04-16):
//   src/Microsoft.DotNet.Interactive/Commands/KernelCommand.cs, Commands/KernelDirectiveCommand.cs,
//   Directives/KernelDirective.cs, Directives/KernelActionDirective.cs, Directives/KernelDirectiveParameter.cs,
//   Kernel.cs (RootKernel, AddDirective<TCommand>), KernelInvocationContext.cs (Current, HandlingKernel,
//   Command, CancellationToken, Fail), KernelInvocationContextExtensions.cs (Display, DisplayAs).
// The bodies are ours: they record what the extension registers and let a test invoke it the way
// the engine does (bind the directive's parameters by JSON, then call the typed handler).
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Formatting;

namespace Microsoft.DotNet.Interactive.Commands
{
    public abstract class KernelCommand
    {
        protected KernelCommand(string? targetKernelName = null) => TargetKernelName = targetKernelName;
        public string? TargetKernelName { get; internal set; }
    }

    public abstract class KernelDirectiveCommand : KernelCommand
    {
    }
}

namespace Microsoft.DotNet.Interactive.Directives
{
    public abstract class KernelDirective
    {
        private readonly List<KernelDirectiveParameter> _parameters = new();
        protected KernelDirective(string name) => Name = name;
        public string Name { get; init; }
        public string? Description { get; set; }
        public bool Hidden { get; set; }
        public ICollection<KernelDirectiveParameter> Parameters
        {
            get => _parameters;
            init { foreach (var p in value) _parameters.Add(p); }
        }
    }

    public class KernelActionDirective : KernelDirective
    {
        public KernelActionDirective(string name, string? description = null) : base(name) => Description = description;
        public Type? KernelCommandType { get; set; }
    }

    public class KernelDirectiveParameter
    {
        public KernelDirectiveParameter(string name, string? description = null)
        {
            Name = name;
            Description = description ?? string.Empty;
        }
        public string Name { get; }
        public string Description { get; init; }
        public bool AllowImplicitName { get; init; }
        public int MaxOccurrences { get; init; } = 1;
        public bool Required { get; init; }
        public string TypeHint { get; init; } = "text";
        public bool Flag { get; init; }
        internal List<string> Completions { get; } = new();
        public KernelDirectiveParameter AddCompletions(Func<IEnumerable<string>> getCompletions)
        {
            Completions.AddRange(getCompletions());
            return this;
        }
    }
}

namespace Microsoft.DotNet.Interactive
{
    public class DisplayedValue
    {
        internal DisplayedValue(object value) => Value = value;
        public object Value { get; }
    }

    public class Kernel
    {
        internal readonly List<(KernelActionDirective Directive, Func<string, KernelInvocationContext, Task> Invoke)> Directives = new();
        private Func<string, KernelInvocationContext, Task>? _handlerForCommandType;
        public Kernel RootKernel => this;

        public void AddDirective<TCommand>(KernelActionDirective directive, Func<TCommand, KernelInvocationContext, Task> handler)
            where TCommand : KernelCommand
        {
            directive.KernelCommandType ??= typeof(TCommand);
            // As in the engine, handlers are keyed by command type: the last one registered wins.
            _handlerForCommandType = (json, context) => handler(JsonSerializer.Deserialize<TCommand>(json)!, context);
            Directives.Add((directive, (json, context) => _handlerForCommandType(json, context)));
        }
    }

    public class KernelInvocationContext
    {
        // The engine flows this through the async call; a plain static is enough for one test host.
        private static KernelInvocationContext? _current;
        internal readonly List<string> Transcript = new();
        internal KernelInvocationContext(Kernel kernel, KernelCommand command)
        {
            HandlingKernel = kernel;
            Command = command;
        }
        public static KernelInvocationContext Current => _current!;
        internal static void SetCurrent(KernelInvocationContext? context) => _current = context;
        public Kernel HandlingKernel { get; internal set; }
        public KernelCommand Command { get; }
        public CancellationToken CancellationToken => CancellationToken.None;
        public void Fail(KernelCommand command, Exception? exception = null, string? message = null) =>
            Transcript.Add("failed: " + (message ?? exception?.Message));

        /// <summary>Records a displayed value as one transcript entry: "mime: value" per formatted value, one per line.</summary>
        public void Publish(Microsoft.DotNet.Interactive.Events.KernelEvent @event)
        {
            if (@event is Microsoft.DotNet.Interactive.Events.DisplayedValueProduced displayed)
                Transcript.Add(string.Join("\n", displayed.FormattedValues.Select(v => v.MimeType + ": " + v.Value)));
        }
    }

    public static class KernelInvocationContextExtensions
    {
        public static DisplayedValue Display(this KernelInvocationContext context, object value, params string[] mimeTypes)
        {
            var mimeType = mimeTypes.Length > 0 ? mimeTypes[0] : Formatter.GetPreferredMimeTypesFor(value.GetType()).First();
            context.Transcript.Add(mimeType + ": " + value.ToDisplayString(mimeType));
            return new DisplayedValue(value);
        }

        public static DisplayedValue DisplayAs(this KernelInvocationContext context, string value, string mimeType)
        {
            context.Transcript.Add(mimeType + ": " + value);
            return new DisplayedValue(value);
        }
    }

    /// <summary>Not part of the engine: drives the shim the way the engine would, for the test.</summary>
    public static class ShimHost
    {
        private sealed class LoadCommand : KernelCommand { }

        public static readonly Kernel Kernel = new();

        public static void BeginLoad()
        {
            _load = new KernelInvocationContext(Kernel, new LoadCommand());
            KernelInvocationContext.SetCurrent(_load);
        }

        private static KernelInvocationContext? _load;

        public static IReadOnlyList<string> LoadTranscript => _load!.Transcript;

        /// <summary>Name, then each parameter as name|flag|required|completions.</summary>
        public static IReadOnlyList<string> Describe() =>
            Kernel.Directives.Select(d => d.Directive.Name + " " + string.Join(" ",
                d.Directive.Parameters.Select(p => $"{p.Name}|{p.Flag}|{p.Required}|{string.Join(',', p.Completions)}"))).ToList();

        /// <summary>Invokes a directive with its parameters bound as the engine binds them.</summary>
        public static IReadOnlyList<string> Invoke(string directiveName, IDictionary<string, object> parameters)
        {
            var (directive, invoke) = Kernel.Directives.Single(d => d.Directive.Name == directiveName);
            var bound = new Dictionary<string, object>(parameters) { ["invokedDirective"] = directive.Name };
            var context = new KernelInvocationContext(Kernel, new LoadCommand());
            KernelInvocationContext.SetCurrent(context);
            invoke(JsonSerializer.Serialize(bound), context).GetAwaiter().GetResult();
            return context.Transcript;
        }
    }
}

namespace Microsoft.DotNet.Interactive.Events
{
    public abstract class KernelEvent
    {
        protected KernelEvent(KernelCommand command) => Command = command;
        public KernelCommand Command { get; }
    }

    public class DisplayedValueProduced : KernelEvent
    {
        public DisplayedValueProduced(
            object value,
            KernelCommand command,
            IReadOnlyCollection<Microsoft.DotNet.Interactive.Formatting.FormattedValue>? formattedValues = null,
            string? valueId = null) : base(command)
        {
            Value = value;
            FormattedValues = formattedValues ?? [];
            ValueId = valueId;
        }
        public object Value { get; }
        public IReadOnlyCollection<Microsoft.DotNet.Interactive.Formatting.FormattedValue> FormattedValues { get; }
        public string? ValueId { get; }
    }
}
