using System.Collections.Immutable;
using DriverNotebooks.Kmdf.Scan.Reading;

namespace DriverNotebooks.Kmdf.Scan.Extraction;

/// <summary>
/// Walks a routine's statements along one path at a time: the success path (every step succeeds), and from each
/// fallible step its failure path (that step fails, status tests read accordingly) up to the routine's return.
/// Gotos jump to their label; calls to routines defined in the driver's sources are followed into their bodies.
/// </summary>
internal sealed class RoutineWalker(DriverSource source)
{
    private const int MaxInlineDepth = 4;
    private const int MaxStatementsPerPath = 4000;

    private readonly Dictionary<string, Dictionary<string, string>> _facts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Field, string Routine, SyntaxNode Node)>> _pendingCallbacks = new(StringComparer.Ordinal);
    private readonly List<DeadCallback> _dead = [];
    private readonly List<string> _notes = [];
    private readonly HashSet<SyntaxNode> _guarded = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<SyntaxNode> _consumed = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<DeadCallback> DeadCallbacks => _dead;
    public IReadOnlyList<string> Notes => _notes;

    /// <param name="AssignedTo">The caller's variable that receives this routine's status, when the caller assigns it.</param>
    /// <param name="Epilogue">A scope guard's body (C++ <c>scope_exit([&amp;]{ … })</c>) that runs when the routine returns.</param>
    /// <param name="PendingReturn">The return statement waiting for the epilogue to finish.</param>
    private sealed record Frame(ImmutableList<SyntaxNode> Rest, FunctionDefinition Function, string? AssignedTo = null,
        ImmutableList<SyntaxNode>? Epilogue = null, SyntaxNode? PendingReturn = null, bool InEpilogue = false);

    private enum Walk { Success, Failure, Cleanup }

    private sealed class PathState
    {
        public required Walk Kind { get; init; }
        public ImmutableStack<Frame> Frames { get; set; } = [];
        public bool StatusFailed { get; set; }
        public string? FailingPointer { get; set; }

        /// <summary>Plain variables set to TRUE/FALSE (or NULL) on this path: flags such as <c>WdfDriverCreated</c>.</summary>
        public ImmutableDictionary<string, bool> Flags { get; set; } = ImmutableDictionary<string, bool>.Empty;

        /// <summary>The variable holding the failed status (null: unknown, any status test reads it).</summary>
        public string? StatusVariable { get; set; }
        public int Statements { get; set; }
        public List<SourceStep> Steps { get; } = [];
        public FailureEnding Ending { get; set; } = FailureEnding.ReturnsFailure;
        public int? EndingLine { get; set; }
        public bool Done { get; set; }

        public PathState Fork(Walk kind) => new() { Kind = kind, Frames = Frames, StatusFailed = StatusFailed, FailingPointer = FailingPointer, StatusVariable = StatusVariable, Flags = Flags };
    }

    /// <summary>The success path of <paramref name="function"/>, each fallible step carrying its failure path.</summary>
    public IReadOnlyList<SourceStep> SuccessPath(FunctionDefinition function)
    {
        var state = new PathState { Kind = Walk.Success };
        state.Frames = state.Frames.Push(new Frame([function.Body], function));
        Run(state);
        foreach (var (variable, pending) in _pendingCallbacks)
        {
            foreach (var p in pending) _dead.Add(new DeadCallback(p.Field, p.Routine, variable, p.Node.SourceFile, p.Node.Line));
        }
        _pendingCallbacks.Clear();
        return state.Steps;
    }

    /// <summary>What a registered routine (unload, cleanup callback) frees, following the helpers it calls.</summary>
    public RoutineBody Routine(string name)
    {
        if (!source.TryGet(name, out var function))
        {
            _notes.Add($"{name} is not defined in the scanned sources: read as doing nothing");
            return new RoutineBody(name, "", 0, [], Found: false);
        }
        var state = new PathState { Kind = Walk.Cleanup };
        state.Frames = state.Frames.Push(new Frame([function.Body], function));
        Run(state);
        return new RoutineBody(name, function.SourceFile, function.Line, state.Steps);
    }

    private void Run(PathState state)
    {
        while (!state.Done && !state.Frames.IsEmpty)
        {
            var frame = state.Frames.Peek();
            if (frame.Rest.IsEmpty)
            {
                Return(state, frame.PendingReturn);
                continue;
            }
            if (++state.Statements > MaxStatementsPerPath)
            {
                _notes.Add($"{frame.Function.Name}: a path longer than {MaxStatementsPerPath} statements was cut there");
                state.Done = true;
                return;
            }
            var statement = frame.Rest[0];
            state.Frames = state.Frames.Pop().Push(frame with { Rest = frame.Rest.RemoveAt(0) });
            Statement(state, statement);
        }
    }

    private void Prepend(PathState state, IEnumerable<SyntaxNode> nodes, bool guarded)
    {
        var list = nodes.ToImmutableList();
        if (guarded)
        {
            foreach (var n in list) _guarded.Add(n);
        }
        var frame = state.Frames.Peek();
        state.Frames = state.Frames.Pop().Push(frame with { Rest = list.AddRange(frame.Rest) });
    }

    private void Return(PathState state, SyntaxNode? returnStatement)
    {
        var top = state.Frames.Peek();
        if (top.InEpilogue && top.PendingReturn != returnStatement)
        {
            // A return inside the scope guard's lambda ends the lambda, not the routine.
            state.Frames = state.Frames.Pop().Push(top with { Rest = [] });
            return;
        }
        if (top.Epilogue is { } epilogue)
        {
            state.Frames = state.Frames.Pop().Push(top with { Rest = epilogue, Epilogue = null, PendingReturn = returnStatement, InEpilogue = true });
            return;
        }
        state.Frames = state.Frames.Pop();
        if (state.Kind == Walk.Failure && !state.Frames.IsEmpty) state.StatusVariable = Plain(top.AssignedTo);
        if (returnStatement is not null && state.Kind == Walk.Failure)
        {
            var value = CallClassifier.Compact(returnStatement.Text).Replace("return", "", StringComparison.Ordinal).Trim('(', ')', ';');
            if (value is "STATUS_SUCCESS" or "NDIS_STATUS_SUCCESS") state.StatusFailed = false;
            else if (value.StartsWith("STATUS_", StringComparison.Ordinal) || value.StartsWith("NDIS_STATUS_", StringComparison.Ordinal)) state.StatusFailed = true;
        }
        if (state.Frames.IsEmpty)
        {
            if (state.Kind == Walk.Failure && !state.StatusFailed)
            {
                state.Ending = FailureEnding.ReturnsSuccess;
                state.EndingLine ??= returnStatement?.Line;
            }
            state.Done = true;
        }
    }

    private void Statement(PathState state, SyntaxNode node)
    {
        var guarded = _guarded.Contains(node);
        switch (node.Kind)
        {
            case SyntaxKind.CompoundStmt:
                Prepend(state, node.Children, guarded);
                return;
            case SyntaxKind.LabelStmt:
            case SyntaxKind.CaseStmt:
            case SyntaxKind.DefaultStmt:
                Prepend(state, node.Children.Where(c => c.Kind >= SyntaxKind.UnexposedStmt || c.Kind is SyntaxKind.CallExpr or SyntaxKind.BinaryOperator), guarded);
                return;
            case SyntaxKind.ReturnStmt:
                // return Call(…) returns what the call returned: the call is a failure point like status = Call(…).
                if (node.Children.Count > 0) Expression(state, node.Children[0], ReturnedStatus, guarded);
                if (!state.Done) Return(state, node);
                return;
            case SyntaxKind.GotoStmt:
                Goto(state, node);
                return;
            case SyntaxKind.IfStmt:
                If(state, node, guarded);
                return;
            // do { … } while (0), as written or as a statement macro expands: runs once, straight through.
            case SyntaxKind.DoStmt when CallClassifier.Compact(node.Text) is var doText && (doText.EndsWith("while(0)", StringComparison.Ordinal) || !doText.StartsWith("do", StringComparison.Ordinal)):
                Prepend(state, node.Children.Where(c => c.Kind == SyntaxKind.CompoundStmt), guarded);
                return;
            case SyntaxKind.WhileStmt:
            case SyntaxKind.ForStmt:
            case SyntaxKind.DoStmt:
                Prepend(state, node.Children.Where(c => c.Kind == SyntaxKind.CompoundStmt), true);
                return;
            case SyntaxKind.SwitchStmt:
            case SyntaxKind.NullStmt:
            case SyntaxKind.BreakStmt:
            case SyntaxKind.ContinueStmt:
                return;
            case SyntaxKind.DeclStmt when IsScopeGuard(node) && node.DescendantsAndSelf().FirstOrDefault(n => n.Kind == SyntaxKind.LambdaExpr) is { } lambda
                && lambda.Children.LastOrDefault(c => c.Kind == SyntaxKind.CompoundStmt) is { } guardBody:
                var current = state.Frames.Peek();
                state.Frames = state.Frames.Pop().Push(current with { Epilogue = [guardBody] });
                return;
            case SyntaxKind.DeclStmt:
                foreach (var v in node.Children.Where(c => c.Kind == SyntaxKind.VarDecl))
                {
                    var init = v.Children.LastOrDefault(c => c.Kind is SyntaxKind.CallExpr or SyntaxKind.CStyleCastExpr or SyntaxKind.UnexposedExpr or SyntaxKind.ParenExpr);
                    if (init is not null && !state.Done) Expression(state, init, v.Spelling, guarded, node);
                }
                return;
            default:
                Expression(state, node, null, guarded, node);
                return;
        }
    }

    /// <summary><c>auto x = scope_exit([&amp;] { … });</c> (wil::scope_exit, finally, and the like).</summary>
    private static bool IsScopeGuard(SyntaxNode declaration)
    {
        var text = CallClassifier.Compact(declaration.Text);
        return text.Contains("scope_exit", StringComparison.OrdinalIgnoreCase) || text.Contains("finally(", StringComparison.OrdinalIgnoreCase) || text.Contains("ScopeExit", StringComparison.Ordinal);
    }

    private void Goto(PathState state, SyntaxNode node)
    {
        var label = node.Children.FirstOrDefault()?.Spelling ?? "";
        var frame = state.Frames.Peek();
        var rest = Continuation(frame.Function.Body, label);
        if (rest is null)
        {
            Return(state, null);
            return;
        }
        state.Frames = state.Frames.Pop().Push(frame with { Rest = rest });
    }

    /// <summary>The statements that run from <paramref name="label"/> on: the label's statement, then what follows it at every level.</summary>
    private static ImmutableList<SyntaxNode>? Continuation(SyntaxNode block, string label)
    {
        for (var i = 0; i < block.Children.Count; i++)
        {
            var child = block.Children[i];
            var after = block.Children.Skip(i + 1).ToImmutableList();
            if (child.Kind == SyntaxKind.LabelStmt && child.Spelling == label) return after.InsertRange(0, child.Children);
            if (child.Kind is SyntaxKind.CompoundStmt or SyntaxKind.LabelStmt or SyntaxKind.IfStmt && Continuation(child, label) is { } inner) return inner.AddRange(after);
        }
        return null;
    }

    private void If(PathState state, SyntaxNode node, bool guarded)
    {
        var parts = node.Children;
        if (parts.Count < 2) return;
        var condition = parts[0];
        var then = parts[1];
        var otherwise = parts.Count > 2 ? parts[2] : null;

        // A call inside the condition (if (!NT_SUCCESS(status = WdfDriverCreate(...)))) is a step of its own, before the test.
        if (!_consumed.Contains(node) && condition.DescendantsAndSelf().FirstOrDefault(n => AsCall(n) is { } c && (IsSignificant(c.Routine) || source.TryGet(c.Routine, out _))) is { } call)
        {
            _consumed.Add(node);
            Prepend(state, [node], guarded);
            Expression(state, call, null, guarded, node);
            return;
        }

        // A condition written inside a statement macro has no text of its own (its extent is the macro use): read its tree.
        var fromMacro = condition.Text.Length == 0 || condition.Text == node.Text;
        if (!fromMacro && ConditionReader.Conjuncts(condition.Text) is { Count: > 1 } conjuncts)
        {
            // a && b: false as soon as one decided part is false; otherwise a guard on the undecided parts.
            var values = conjuncts.Select(c => Decide(state, ConditionReader.Read(c))).ToArray();
            if (values.Any(v => v == false)) { if (otherwise is not null) Prepend(state, [otherwise], guarded); }
            else Prepend(state, [then], guarded || values.Any(v => v is null));
            return;
        }
        var test = fromMacro ? ConditionReader.ReadTree(condition) : ConditionReader.Read(condition.Text);
        bool? taken = Decide(state, test);
        // A test the scan cannot decide that only leaves the routine (if (!Driver) return;) is a precondition, not a path.
        if (taken is null && ExitsOnly(then)) taken = false;
        if (taken == true) Prepend(state, [then], guarded);
        else if (taken == false)
        {
            if (otherwise is not null) Prepend(state, [otherwise], guarded);
        }
        else Prepend(state, [then], true);
    }

    /// <summary>What a test reads on this path: true, false, or null when the scan cannot tell (a guard).</summary>
    private static bool? Decide(PathState state, Condition test)
    {
        if (test.Kind is ConditionKind.IsNull or ConditionKind.IsNotNull && state.Flags.TryGetValue(test.Subject, out var flag))
        {
            return test.Kind == ConditionKind.IsNotNull ? flag : !flag;
        }
        if (test.Kind is ConditionKind.StatusFailed or ConditionKind.StatusSucceeded && state.Kind != Walk.Cleanup
            && state.StatusVariable is not null && Plain(test.Subject) is { } subject && subject != state.StatusVariable)
        {
            return test.Kind == ConditionKind.StatusSucceeded;
        }
        return test.Kind switch
        {
            ConditionKind.StatusFailed => state.Kind == Walk.Cleanup ? null : state.StatusFailed,
            ConditionKind.StatusSucceeded => state.Kind == Walk.Cleanup ? null : !state.StatusFailed,
            ConditionKind.IsNull when state.FailingPointer is not null && CallClassifier.ResourceName(test.Subject) == state.FailingPointer => true,
            ConditionKind.IsNotNull when state.FailingPointer is not null && CallClassifier.ResourceName(test.Subject) == state.FailingPointer => false,
            ConditionKind.IsNull => false,
            _ => null,
        };
    }

    private static bool ExitsOnly(SyntaxNode statement) => statement.Kind switch
    {
        SyntaxKind.ReturnStmt => true,
        SyntaxKind.CompoundStmt => statement.Children.Count > 0 && statement.Children[^1].Kind == SyntaxKind.ReturnStmt
            && statement.Children.All(c => c.Kind is SyntaxKind.ReturnStmt or SyntaxKind.NullStmt || !c.DescendantsAndSelf().Any(n => n.Kind == SyntaxKind.CallExpr && CallClassifier.RoleOf(CallClassifier.CalleeOf(n)) != CallRole.Other)),
        _ => false,
    };

    /// <summary>The status a <c>return Call(…)</c> hands back, named like a variable so the call reads as <c>status = Call(…)</c>.</summary>
    private const string ReturnedStatus = "returnedStatus";

    private static bool IsSignificant(string routine) => CallClassifier.RoleOf(routine) is not (CallRole.Other or CallRole.DriverConfigInit or CallRole.AttributesInit);

    private static SyntaxNode Unwrap(SyntaxNode node)
    {
        while (true)
        {
            // Implicit conversions and parentheses wrap one child; a recovered expression's one child covers less than it does.
            if (node.Kind is SyntaxKind.UnexposedExpr && node.Children.Count == 1 && (node.Text.Length == 0 || node.Children[0].Text == node.Text)) node = node.Children[0];
            else if (node.Kind is SyntaxKind.ParenExpr && node.Children.Count == 1) node = node.Children[0];
            else if (node.Kind == SyntaxKind.CStyleCastExpr && node.Children.Count > 0) node = node.Children[^1];
            else return node;
        }
    }

    private void Expression(PathState state, SyntaxNode expression, string? assignedTo, bool guarded, SyntaxNode? statement = null)
    {
        var node = Unwrap(expression);
        var at = statement ?? node;
        if (node.Kind == SyntaxKind.BinaryOperator && node.Children.Count == 2 && IsAssignment(node))
        {
            var lhs = CallClassifier.Compact(node.Children[0].Text);
            var rhs = Unwrap(node.Children[1]);
            if (AsCall(rhs) is { } rhsCall) Call(state, rhsCall.Routine, rhsCall.Arguments, lhs, guarded, at);
            else Assign(state, lhs, CallClassifier.Compact(node.Children[1].Text), node);
            return;
        }
        if (node.Kind == SyntaxKind.CompoundAssignOperator && node.Children.Count == 2)
        {
            Assign(state, CallClassifier.Compact(node.Children[0].Text), "|" + CallClassifier.Compact(node.Children[1].Text), node);
            return;
        }
        if (AsCall(node) is { } call)
        {
            Call(state, call.Routine, call.Arguments, assignedTo, guarded, at);
            return;
        }
        // An expression the compiler could only recover (it names something undeclared): read it from its text.
        if (node.Kind == SyntaxKind.UnexposedExpr && CallClassifier.AssignmentText(node.Text) is var (left, right))
        {
            if (CallClassifier.CallText(right) is var (routine, args)) Call(state, routine, args, left, guarded, at);
            else Assign(state, left, right, node);
        }
    }

    /// <summary>A call expression, or an expression the compiler recovered that reads as one.</summary>
    private static (string Routine, IReadOnlyList<string> Arguments)? AsCall(SyntaxNode node)
    {
        if (node.Kind == SyntaxKind.CallExpr)
        {
            var routine = CallClassifier.CalleeOf(node);
            var args = CallClassifier.CallText(node.Text)?.Arguments ?? [];
            return (routine, args);
        }
        if (node.Kind == SyntaxKind.UnexposedExpr && node.Children.Count > 0 && node.Children[0].Kind == SyntaxKind.DeclRefExpr) return CallClassifier.CallText(node.Text);
        return null;
    }

    private static bool IsAssignment(SyntaxNode node)
    {
        if (node.Spelling == "=") return true;
        if (node.Spelling.Length > 0) return false;
        var left = node.Children[0].Text.Length;
        var text = node.Text;
        return left < text.Length && text[left..].TrimStart().StartsWith('=') && !text[left..].TrimStart().StartsWith("==", StringComparison.Ordinal);
    }

    private void Assign(PathState state, string lhs, string rhs, SyntaxNode node)
    {
        if (state.Kind == Walk.Failure && !lhs.Contains('.') && !lhs.Contains("->") && rhs is "STATUS_SUCCESS" or "NDIS_STATUS_SUCCESS" && state.StatusFailed)
        {
            state.StatusFailed = false;
            state.EndingLine ??= node.Line;
            return;
        }
        if (Plain(lhs) is { } flag)
        {
            if (rhs is "TRUE" or "true" or "1") state.Flags = state.Flags.SetItem(flag, true);
            else if (rhs is "FALSE" or "false" or "0" or "NULL" or "nullptr") state.Flags = state.Flags.SetItem(flag, false);
        }
        if (state.Kind != Walk.Success) return;
        if (lhs.EndsWith("->DriverUnload", StringComparison.Ordinal) && rhs is not ("NULL" or "0"))
        {
            var routine = Routine(rhs);
            state.Steps.Add(Step(SourceAction.SetDriverUnload, rhs, node) with { Routine = routine });
            return;
        }
        var dot = Math.Max(lhs.LastIndexOf('.'), lhs.LastIndexOf("->", StringComparison.Ordinal) is var a and >= 0 ? a + 1 : -1);
        if (dot <= 0) return;
        var variable = CallClassifier.VariableOf(lhs);
        var field = lhs[(dot + 1)..];
        var facts = Facts(variable);
        facts[field] = rhs.StartsWith('|') && facts.TryGetValue(field, out var old) ? old + rhs : rhs.TrimStart('|');
        if (field is "EvtCleanupCallback" or "EvtDestroyCallback" && rhs is not ("NULL" or "WDF_NO_EVENT_CALLBACK"))
        {
            if (!_pendingCallbacks.TryGetValue(variable, out var list)) _pendingCallbacks[variable] = list = [];
            list.Add((field, rhs, node));
        }
    }

    private Dictionary<string, string> Facts(string variable)
    {
        if (!_facts.TryGetValue(variable, out var facts)) _facts[variable] = facts = new(StringComparer.Ordinal);
        return facts;
    }

    private void Call(PathState state, string routine, IReadOnlyList<string> args, string? assignedTo, bool guarded, SyntaxNode statement)
    {
        if (routine.Length == 0) return;
        // A variable passed by address or assigned a call's result is no longer a known flag (IoOpenDriverRegistryKey(…, &key)).
        foreach (var a in args)
        {
            if (a.StartsWith('&') && Plain(a[1..]) is { } written) state.Flags = state.Flags.Remove(written);
        }
        if (Plain(assignedTo) is { } assigned) state.Flags = state.Flags.Remove(assigned);
        var role = CallClassifier.RoleOf(routine);
        string Arg(int i) => i >= 0 && i < args.Count ? args[i] : "";

        if (state.Kind == Walk.Success) NoteArgumentUses(role, args);

        switch (role)
        {
            case CallRole.Free:
                var freed = routine == "WPP_CLEANUP" ? CallClassifier.TracingName : CallClassifier.ResourceName(Arg(0));
                state.Steps.Add(Step(SourceAction.Free, freed, statement) with { Guarded = guarded, Kind = CallClassifier.KindOf(routine) });
                return;
            case CallRole.MiniportUnload:
                state.Steps.Add(Step(SourceAction.MiniportUnload, routine, statement));
                return;
            case CallRole.ObjectDelete:
                state.Steps.Add(Step(SourceAction.ObjectDelete, CallClassifier.ResourceName(Arg(0)), statement));
                return;
            case CallRole.DriverConfigInit when state.Kind == Walk.Success:
                var config = CallClassifier.VariableOf(Arg(0));
                _facts[config] = new(StringComparer.Ordinal) { ["EvtDriverDeviceAdd"] = Arg(1) };
                return;
            case CallRole.AttributesInit when state.Kind == Walk.Success:
                var attributes = CallClassifier.VariableOf(Arg(0));
                if (_pendingCallbacks.Remove(attributes, out var wiped))
                {
                    foreach (var p in wiped) _dead.Add(new DeadCallback(p.Field, p.Routine, attributes, p.Node.SourceFile, p.Node.Line));
                }
                _facts[attributes] = new(StringComparer.Ordinal);
                return;
        }

        // Right after a failing step, an unknown routine (a macro the headers did not bring) given the failed status
        // and a label of this routine, such as IF_FAILED_ACTION_JUMP(status, …, Done), reads as "on failure, goto Done".
        if (state.Kind == Walk.Failure && state.Statements == 1 && role == CallRole.Other && !source.TryGet(routine, out _)
            && state.StatusVariable is { } failed && args.Count > 1 && Plain(args[0]) == failed)
        {
            var frame = state.Frames.Peek();
            if (Continuation(frame.Function.Body, args[^1]) is { } jump)
            {
                _notes.Add($"{statement.SourceFile}:{statement.Line}: {routine}({failed}, …, {args[^1]}) read as: on failure, goto {args[^1]}");
                state.Frames = state.Frames.Pop().Push(frame with { Rest = jump });
                return;
            }
        }

        if (state.Kind != Walk.Success)
        {
            if (IsSignificant(routine) || (assignedTo is not null && !assignedTo.Contains('.') && !assignedTo.Contains("->") && role == CallRole.Other && !source.TryGet(routine, out _)))
            {
                if (state.Kind == Walk.Failure && IsSignificant(routine) || state.Kind == Walk.Failure && state.StatusFailed)
                {
                    state.Ending = FailureEnding.Continues;
                    state.EndingLine ??= statement.Line;
                    state.Done = true;
                }
                return;
            }
            Inline(state, routine, assignedTo);
            return;
        }

        switch (role)
        {
            case CallRole.TracingInit:
                Fallible(state, Step(SourceAction.Allocate, CallClassifier.TracingName, statement) with { Kind = ResourceKind.Tracing }, null, assignedTo);
                return;
            case CallRole.PoolAllocate when assignedTo is not null:
                var pointer = CallClassifier.ResourceName(assignedTo);
                Fallible(state, Step(SourceAction.Allocate, pointer, statement) with { Kind = ResourceKind.Pool }, pointer, assignedTo);
                return;
            case CallRole.LookasideInit:
                Fallible(state, Step(SourceAction.Allocate, CallClassifier.ResourceName(Arg(0)), statement) with { Kind = ResourceKind.WdmLookaside }, null, assignedTo);
                return;
            case CallRole.LookasideExInit:
                Fallible(state, Step(SourceAction.Allocate, CallClassifier.ResourceName(Arg(0)), statement) with { Kind = ResourceKind.WdmLookasideEx }, null, assignedTo);
                return;
            case CallRole.HandleOpen:
                // ZwOpenKey(&handle, …) takes the handle first; IoOpenDriverRegistryKey(DriverObject, …, &handle) last.
                Fallible(state, Step(SourceAction.Allocate, CallClassifier.ResourceName(routine.StartsWith("Zw", StringComparison.Ordinal) ? Arg(0) : Arg(args.Count - 1)), statement) with { Kind = ResourceKind.Handle }, null, assignedTo);
                return;
            case CallRole.WdfDriverCreate:
                Fallible(state, Step(SourceAction.WdfDriverCreate, "WDFDRIVER", statement) with { Driver = DriverFacts(Arg(2), Arg(3)) }, null, assignedTo);
                return;
            case CallRole.CreateObject:
                Fallible(state, Step(SourceAction.CreateObject, CallClassifier.ResourceName(Arg(args.Count - 1)), statement) with { ObjectType = CallClassifier.ObjectTypeOf(routine) }, null, assignedTo);
                return;
            case CallRole.ControlDeviceCreate:
                Fallible(state, Step(SourceAction.CreateObject, CallClassifier.ResourceName(Arg(2)), statement) with { ObjectType = WdfObjectType.ControlDevice }, null, assignedTo);
                return;
            case CallRole.ClassInit:
                var cls = CallClassifier.ClassOf(routine);
                RoutineBody? unload = null;
                if (cls == ClassDriver.Ndis && Facts(CallClassifier.VariableOf(Arg(3))).TryGetValue("UnloadHandler", out var handler) && handler is not ("NULL" or "0"))
                {
                    unload = Routine(handler);
                }
                Fallible(state, Step(SourceAction.ClassInit, routine, statement) with { Class = cls, Routine = unload }, null, assignedTo);
                return;
        }

        if (source.TryGet(routine, out _) && state.Frames.Count() <= MaxInlineDepth && !state.Frames.Any(f => f.Function.Name == routine))
        {
            Inline(state, routine, assignedTo);
            return;
        }
        if (assignedTo is not null && !assignedTo.Contains('.') && !assignedTo.Contains("->") && !assignedTo.Contains('['))
        {
            Fallible(state, Step(SourceAction.Call, CallClassifier.Sanitize(routine), statement), CallClassifier.ResourceName(assignedTo), assignedTo);
        }
    }

    private void Inline(PathState state, string routine, string? assignedTo)
    {
        if (!source.TryGet(routine, out var function) || state.Frames.Count() > MaxInlineDepth || state.Frames.Any(f => f.Function.Name == routine)) return;
        state.Frames = state.Frames.Push(new Frame([function.Body], function, assignedTo));
    }

    /// <summary>A plain identifier (a status variable), or null.</summary>
    private static string? Plain(string? expression) =>
        expression is { Length: > 0 } e && (char.IsLetter(e[0]) || e[0] == '_') && e.All(c => char.IsLetterOrDigit(c) || c == '_') ? e : null;

    /// <summary>An attributes variable passed to any call (other than its own _INIT) reaches an object: its callbacks are live.</summary>
    private void NoteArgumentUses(CallRole role, IReadOnlyList<string> args)
    {
        if (role is CallRole.AttributesInit or CallRole.DriverConfigInit) return;
        foreach (var a in args)
        {
            var variable = CallClassifier.VariableOf(a);
            if (variable.Length > 0) _pendingCallbacks.Remove(variable);
        }
    }

    private void Fallible(PathState state, SourceStep step, string? failingPointer, string? assignedTo)
    {
        if (step.IsFailurePoint)
        {
            var failure = state.Fork(Walk.Failure);
            failure.StatusFailed = true;
            failure.FailingPointer = failingPointer;
            failure.StatusVariable = failingPointer is null ? Plain(assignedTo) : null;
            Run(failure);
            step = step with { OnFailure = failure.Steps, Ending = failure.Ending, EndingLine = failure.EndingLine };
            // A call whose status nothing checks (a routine returning a pointer or a value) is not a step of the lifecycle.
            if (step.Action == SourceAction.Call && step.Ending != FailureEnding.ReturnsFailure) return;
        }
        state.Steps.Add(step);
    }

    private DriverCreateFacts DriverFacts(string attributesArgument, string configArgument)
    {
        var config = Facts(CallClassifier.VariableOf(configArgument));
        var flags = config.GetValueOrDefault("DriverInitFlags", "");
        var mode = flags.Contains("WdfDriverInitNoDispatchOverride", StringComparison.Ordinal) ? DriverMode.NoDispatchOverride
            : flags.Contains("WdfDriverInitNonPnpDriver", StringComparison.Ordinal) ? DriverMode.NonPnp : DriverMode.Pnp;
        string? Routine(Dictionary<string, string> facts, string field) =>
            facts.TryGetValue(field, out var r) && r is not ("NULL" or "WDF_NO_EVENT_CALLBACK" or "0" or "") ? r : null;
        var noAttributes = attributesArgument is "WDF_NO_OBJECT_ATTRIBUTES" or "NULL" or "0" or "";
        var attributes = noAttributes ? new Dictionary<string, string>() : Facts(CallClassifier.VariableOf(attributesArgument));
        var unload = Routine(config, "EvtDriverUnload");
        var cleanup = Routine(attributes, "EvtCleanupCallback");
        var destroy = Routine(attributes, "EvtDestroyCallback");
        return new DriverCreateFacts(attributesArgument, mode, Routine(config, "EvtDriverDeviceAdd"),
            unload is null ? null : this.Routine(unload),
            cleanup is null ? null : this.Routine(cleanup),
            destroy is null ? null : this.Routine(destroy));
    }

    private static SourceStep Step(SourceAction action, string name, SyntaxNode node)
    {
        var code = node.Text.Split('\n')[0].Trim();
        return new SourceStep(action, name, node.SourceFile, node.Line, code.Length > 100 ? code[..100] + "…" : code);
    }
}
