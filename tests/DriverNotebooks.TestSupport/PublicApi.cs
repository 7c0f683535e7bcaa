using System.Reflection;

namespace DriverNotebooks.TestSupport;

/// <summary>
/// An assembly's public surface as sorted text, one line per exported type and per public or protected
/// member, for approved-file tests: a change to the API shows up as a changed line in review.
/// </summary>
public static class PublicApi
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            var typeName = Name(type);
            lines.Add($"{typeName} : {Kind(type)}{Bases(type)}");
            foreach (var member in type.GetMembers(Declared).Where(Visible))
            {
                if (Describe(member) is { } text) lines.Add($"{typeName} :: {text}");
            }
        }
        return string.Join('\n', lines.Distinct().Order(StringComparer.Ordinal)) + "\n";
    }

    private static bool Visible(MemberInfo member) => member switch
    {
        MethodBase m => (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly) && !m.IsSpecialName || m is ConstructorInfo { IsPublic: true } or ConstructorInfo { IsFamily: true } || m.Name.StartsWith("op_", StringComparison.Ordinal) && m.IsPublic,
        FieldInfo f => (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly) && !f.IsSpecialName,
        PropertyInfo p => (p.GetMethod ?? p.SetMethod) is { } a && (a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        EventInfo e => e.AddMethod is { IsPublic: true } or { IsFamily: true },
        Type t => false, // nested types are listed as exported types
        _ => false,
    };

    private static string? Describe(MemberInfo member)
    {
        if (member.Name.StartsWith('<')) return null; // compiler-generated: <Clone>$ and the like
        return member switch
        {
            ConstructorInfo c => $"{(c.IsStatic ? "static " : "")}ctor({Parameters(c)})",
            MethodInfo m => $"{Static(m.IsStatic)}{Virtual(m)}{m.Name}{GenericArguments(m)}({Parameters(m)}): {Name(m.ReturnType)}",
            PropertyInfo p => $"{Static((p.GetMethod ?? p.SetMethod)!.IsStatic)}property {p.Name}: {Name(p.PropertyType)} {{{Accessors(p)} }}",
            FieldInfo f => $"{Static(f.IsStatic)}{(f.IsLiteral ? "const " : f.IsInitOnly ? "readonly " : "")}field {f.Name}: {Name(f.FieldType)}{(f.IsLiteral ? " = " + Literal(f.GetRawConstantValue()) : "")}",
            EventInfo e => $"event {e.Name}: {Name(e.EventHandlerType!)}",
            _ => null,
        };
    }

    private static string Accessors(PropertyInfo p)
    {
        var text = "";
        if (p.GetMethod is { } g && (g.IsPublic || g.IsFamily)) text += " get;";
        if (p.SetMethod is { } s && (s.IsPublic || s.IsFamily))
        {
            var init = s.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");
            text += init ? " init;" : " set;";
        }
        return text;
    }

    private static string Static(bool isStatic) => isStatic ? "static " : "";

    private static string Virtual(MethodInfo m) =>
        m.IsAbstract && !m.DeclaringType!.IsInterface ? "abstract " :
        m.GetBaseDefinition() != m ? "override " :
        m.IsVirtual && !m.IsFinal && !m.DeclaringType!.IsInterface ? "virtual " : "";

    private static string GenericArguments(MethodInfo m) =>
        m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : "";

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p =>
            (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "") +
            (p.GetCustomAttribute<ParamArrayAttribute>() is not null ? "params " : "") +
            $"{Name(p.ParameterType)} {p.Name}" + (p.HasDefaultValue ? " = " + Literal(p.DefaultValue) : "")));

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Kind(Type type) =>
        type.IsEnum ? "enum" :
        type.IsInterface ? "interface" :
        type.IsValueType ? (type.GetMethod("<Clone>$") is not null || type.GetProperty("EqualityContract", Declared) is not null ? "record struct" : "struct") :
        type.IsAbstract && type.IsSealed ? "static class" :
        type.GetMethod("<Clone>$") is not null ? (type.IsSealed ? "sealed record" : type.IsAbstract ? "abstract record" : "record") :
        typeof(Delegate).IsAssignableFrom(type) ? "delegate" :
        type.IsSealed ? "sealed class" : type.IsAbstract ? "abstract class" : "class";

    private static string Bases(Type type)
    {
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum) && b != typeof(MulticastDelegate)) bases.Add(Name(b));
        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Where(i => !i.Name.StartsWith("IEquatable", StringComparison.Ordinal) || type.GetMethod("<Clone>$") is null).Select(Name).Order(StringComparer.Ordinal));
        return bases.Count == 0 ? "" : " (" + string.Join(", ", bases) + ")";
    }

    /// <summary>A type as C# spells it, with its namespace: <c>System.Collections.Generic.IReadOnlyList&lt;System.String&gt;</c>.</summary>
    private static string Name(Type type)
    {
        if (type.IsByRef) return Name(type.GetElementType()!);
        if (type.IsArray) return Name(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (type.IsGenericParameter) return type.Name;
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Name(underlying) + "?";
        var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : (type.Namespace is null ? "" : type.Namespace + ".") + type.Name;
        if (!type.IsGenericType) return name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var arguments = type.GetGenericArguments();
        if (type.IsNested) arguments = arguments.Skip(type.DeclaringType!.GetGenericArguments().Length).ToArray();
        return (tick < 0 ? name : name[..tick]) + (arguments.Length == 0 ? "" : "<" + string.Join(", ", arguments.Select(Name)) + ">");
    }
}
