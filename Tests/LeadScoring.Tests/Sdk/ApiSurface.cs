using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace LeadScoring.Tests.Sdk;

/// <summary>
/// Describes an assembly's public surface (what another assembly can compile against) as one line per
/// type and per member, in the format XrmSdkStandin/approved-surface.txt documents. Works on types loaded
/// in a MetadataLoadContext as well as on live types.
/// </summary>
internal static class ApiSurface
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<string> Describe(Assembly assembly)
    {
        string prefix = $"[{assembly.GetName().Name}] ";
        var lines = new List<string>();
        foreach (Type type in assembly.GetTypes().Where(IsVisible))
        {
            string owner = prefix + TypeName(type);
            lines.Add($"{owner} -- {TypeDeclaration(type)}");
            lines.AddRange(Members(type).Select(member => $"{owner} :: {member}"));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static bool IsVisible(Type type) =>
        type.IsPublic || (type.IsNestedPublic && IsVisible(type.DeclaringType!)) || (type.IsNestedFamily && IsVisible(type.DeclaringType!));

    private static string TypeDeclaration(Type type)
    {
        if (type.IsEnum)
        {
            return $"public enum : {TypeName(type.GetEnumUnderlyingType())}";
        }

        if (type.IsInterface)
        {
            return Join("public interface", type.GetInterfaces().Select(TypeName).OrderBy(name => name, StringComparer.Ordinal));
        }

        string kind = type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";
        var inherited = type.BaseType?.GetInterfaces() ?? Type.EmptyTypes;
        var added = type.GetInterfaces().Where(i => !inherited.Contains(i)).Select(TypeName).OrderBy(name => name, StringComparer.Ordinal);
        return Join($"public {kind}", new[] { TypeName(type.BaseType!) }.Concat(added));
    }

    private static string Join(string declaration, IEnumerable<string> bases)
    {
        string list = string.Join(", ", bases);
        return list.Length == 0 ? declaration : $"{declaration} : {list}";
    }

    private static IEnumerable<string> Members(Type type)
    {
        foreach (ConstructorInfo ctor in type.GetConstructors(Declared).Where(c => IsVisible(c) && !c.IsStatic))
        {
            yield return $"ctor {Access(ctor)} ({Parameters(ctor.GetParameters())})";
        }

        foreach (MethodInfo method in type.GetMethods(Declared).Where(m => IsVisible(m) && !m.IsSpecialName))
        {
            string generic = method.IsGenericMethodDefinition ? $"<{string.Join(",", method.GetGenericArguments().Select(a => a.Name))}>" : string.Empty;
            yield return $"method {Modifiers(method)}{method.Name}{generic}({Parameters(method.GetParameters())}) : {TypeName(method.ReturnType)}{Constraints(method)}";
        }

        foreach (PropertyInfo property in type.GetProperties(Declared))
        {
            var accessors = new[] { (Name: "get", Method: property.GetMethod), (Name: "set", Method: property.SetMethod) }
                .Where(a => a.Method != null && IsVisible(a.Method))
                .ToList();
            if (accessors.Count == 0)
            {
                continue;
            }

            MethodInfo first = accessors[0].Method!;
            string access = Access(first);
            string list = string.Join(" ", accessors.Select(a => (Access(a.Method!) == access ? string.Empty : Access(a.Method!) + " ") + a.Name + ";"));
            var index = property.GetIndexParameters();
            string name = index.Length == 0 ? property.Name : $"this[{Parameters(index)}]";
            yield return $"property {Modifiers(first)}{TypeName(property.PropertyType)} {name} {{ {list} }}";
        }

        foreach (FieldInfo field in type.GetFields(Declared).Where(f => (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly) && !f.IsSpecialName))
        {
            yield return type.IsEnum
                ? $"value {field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}"
                : $"field {(field.IsPublic ? "public" : "protected")} {(field.IsStatic ? "static " : string.Empty)}{(field.IsInitOnly ? "readonly " : string.Empty)}{TypeName(field.FieldType)} {field.Name}";
        }

        foreach (EventInfo e in type.GetEvents(Declared).Where(e => e.AddMethod != null && IsVisible(e.AddMethod)))
        {
            yield return $"event {Modifiers(e.AddMethod!)}{TypeName(e.EventHandlerType!)} {e.Name}";
        }
    }

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static string Access(MethodBase method) => method.IsPublic ? "public" : method.IsFamilyOrAssembly ? "protected internal" : "protected";

    private static string Modifiers(MethodInfo method)
    {
        if (method.DeclaringType!.IsInterface)
        {
            return method.IsStatic ? "static " : string.Empty;
        }

        string access = Access(method) + " ";
        if (method.IsStatic)
        {
            return access + "static ";
        }

        if (method.IsAbstract)
        {
            return access + "abstract ";
        }

        bool newSlot = (method.Attributes & MethodAttributes.NewSlot) != 0;
        if (!method.IsVirtual || (method.IsFinal && newSlot))
        {
            return access; // non-virtual (or an interface implementation the compiler made virtual final)
        }

        return access + (newSlot ? "virtual " : method.IsFinal ? "sealed override " : "override ");
    }

    private static string Parameters(ParameterInfo[] parameters) => string.Join(", ", parameters.Select(Parameter));

    private static string Parameter(ParameterInfo parameter)
    {
        Type type = parameter.ParameterType;
        string modifier = string.Empty;
        if (type.IsByRef)
        {
            modifier = parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref ";
            type = type.GetElementType()!;
        }
        else if (parameter.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "System.ParamArrayAttribute"))
        {
            modifier = "params ";
        }

        return $"{modifier}{TypeName(type)} {parameter.Name}";
    }

    private static string Constraints(MethodInfo method)
    {
        if (!method.IsGenericMethodDefinition)
        {
            return string.Empty;
        }

        var clauses = method.GetGenericArguments()
            .Select(argument => (argument.Name, Constraints: argument.GetGenericParameterConstraints().Select(TypeName).OrderBy(name => name, StringComparer.Ordinal).ToList()))
            .Where(c => c.Constraints.Count > 0)
            .Select(c => $" where {c.Name} : {string.Join(", ", c.Constraints)}");
        return string.Concat(clauses);
    }

    /// <summary>Namespace-qualified, C#-like: System.Nullable&lt;System.Guid&gt;, Microsoft.Xrm.Sdk.DataCollection&lt;T&gt;, System.Object[].</summary>
    private static string TypeName(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        string name = type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : (type.Namespace == null ? string.Empty : type.Namespace + ".") + type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name.Substring(0, tick);
        }

        return type.IsGenericType ? $"{name}<{string.Join(",", type.GetGenericArguments().Select(TypeName))}>" : name;
    }
}
